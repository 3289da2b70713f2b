package org.accord.bench.agreement;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.accord.bench.RepositoryFolders;
import org.accord.bench.TemporaryFolder;
import org.accord.gateway.agreement.Agreement;
import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.Decision;
import org.accord.gateway.agreement.DenialCode;
import org.accord.gateway.agreement.Deny;
import org.accord.gateway.agreement.Flow;
import org.accord.gateway.agreement.Organisation;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.agreement.TransferRequest;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A catalogue of 1,000 generated agreements between 200 organisations, loaded through
 * {@link AgreementCatalogue#fromDirectories} with the repository's schemas, and three requests whose outcome
 * is checked before measuring: one permitted, one denied for purpose, one denied because the recipient shares
 * no agreement with the sender.
 */
@State(Scope.Benchmark)
public class LargeCatalogue {

    static final int ORGANISATIONS = 200;
    static final int AGREEMENTS = 1000;
    static final LocalDate ON = LocalDate.of(2026, 11, 28);

    Path folder;
    AgreementCatalogue catalogue;
    TransferRequest permitted;
    TransferRequest wrongPurpose;
    TransferRequest recipientNotParty;

    @Setup(Level.Trial)
    public void setUp() {
        folder = TemporaryFolder.create("accord-bench-agreements-");
        Path agreements = folder.resolve("agreements");
        List<String> ids = GeneratedCatalogue.write(RepositoryFolders.agreements(), agreements, ORGANISATIONS, AGREEMENTS);
        catalogue = AgreementCatalogue.fromDirectories(agreements, RepositoryFolders.schemas());
        if (catalogue.agreements().size() != AGREEMENTS || catalogue.organisations().size() != ORGANISATIONS) {
            throw new IllegalStateException("generated catalogue holds " + catalogue.agreements().size() + " agreements");
        }
        Agreement chosen = ids.subList(ids.size() / 2, ids.size()).stream()
                .map(id -> catalogue.agreement(id).orElseThrow())
                .filter(a -> a.flows().stream().anyMatch(f -> f.recordType().equals("prevent-referral")))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no generated agreement has a prevent-referral flow"));
        Flow flow = chosen.flows().stream().filter(f -> f.recordType().equals("prevent-referral")).findFirst().orElseThrow();
        JsonNode record = JsonMapper.shared().readTree(RepositoryFolders.exampleRecord(flow.recordType(), flow.schemaVersion()).toFile());

        permitted = request(flow.from(), flow.to(), flow, flow.purposes().get(0), record);
        expect(permitted, null);
        wrongPurpose = request(flow.from(), flow.to(), flow, "not-an-agreed-purpose", record);
        expect(wrongPurpose, DenialCode.PURPOSE_NOT_COVERED);
        recipientNotParty = catalogue.organisations().keySet().stream().sorted()
                .map(org -> request(flow.from(), org, flow, flow.purposes().get(0), record))
                .filter(r -> denialOf(r) == DenialCode.RECIPIENT_NOT_PARTY)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("every organisation shares an agreement with " + flow.from()));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TemporaryFolder.delete(folder);
    }

    private static TransferRequest request(String from, String to, Flow flow, String purpose, JsonNode record) {
        return new TransferRequest(from, to, flow.recordType(), flow.schemaVersion(), purpose, flow.direction(), ON, record);
    }

    private DenialCode denialOf(TransferRequest request) {
        Decision decision = catalogue.decide(request);
        return decision instanceof Deny deny ? deny.code() : null;
    }

    private void expect(TransferRequest request, DenialCode code) {
        Decision decision = catalogue.decide(request);
        boolean ok = code == null ? decision instanceof Permit : decision instanceof Deny deny && deny.code() == code;
        if (!ok) {
            throw new IllegalStateException("expected " + (code == null ? "a permit" : code) + " from "
                    + Organisation.organisationOf(request.sender()) + " but the decision was " + decision);
        }
    }
}
