package org.accord.bench.redaction;

import java.time.LocalDate;

import org.accord.bench.RepositoryFolders;
import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.Decision;
import org.accord.gateway.agreement.Direction;
import org.accord.gateway.agreement.Permit;
import org.accord.gateway.agreement.TransferRequest;
import org.accord.gateway.redaction.Minimiser;
import org.accord.gateway.redaction.RedactionPlan;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plan the shipped catalogue permits the example referral under (Safeguarding Lead to the police Prevent
 * team), taken from the decision rather than written here, so the benchmark follows whatever rules the shipped
 * agreement holds. Pseudonym keys are a fixed 32 bytes.
 */
@State(Scope.Benchmark)
public class ShippedReferralPlan {

    static final LocalDate TRANSFER_DATE = LocalDate.of(2026, 11, 28);

    RedactionPlan plan;
    JsonNode referral;
    Minimiser minimiser;

    @Setup(Level.Trial)
    public void setUp() {
        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(RepositoryFolders.agreements(), RepositoryFolders.schemas());
        referral = JsonMapper.shared().readTree(RepositoryFolders.exampleRecord("prevent-referral", 1).toFile());
        Decision decision = catalogue.decide(new TransferRequest("uni-northbridge/safeguarding-lead", "ctp-nw-prevent",
                "prevent-referral", 1, "prevent-referral-assessment", Direction.OUTBOUND, TRANSFER_DATE, referral));
        if (!(decision instanceof Permit permit)) {
            throw new IllegalStateException("the shipped catalogue does not permit the example referral: " + decision);
        }
        plan = permit.plan();
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i * 7 + 1);
        }
        minimiser = new Minimiser(agreementId -> key.clone());
        minimiser.minimise(plan, referral, TRANSFER_DATE);
    }
}
