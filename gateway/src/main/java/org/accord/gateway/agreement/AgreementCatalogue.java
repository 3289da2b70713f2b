package org.accord.gateway.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.accord.gateway.record.RecordSchemas;
import org.accord.gateway.record.SourceFile;

/**
 * An immutable, checked snapshot of the agreements in force at this gateway, the organisations they name and
 * the record schemas they refer to, with each agreement's SHA-256 so a decision can cite the exact text.
 * Loading refuses a catalogue with any problem. Safe to share between threads.
 *
 * <p>Layout: an agreements folder with {@code organisations.yaml} and one {@code <agreement-id>.yaml} per
 * agreement; a schemas folder with {@code agreement.schema.json} and {@code records/<type>.v<n>.schema.json}.
 */
public final class AgreementCatalogue {

    public static final String ORGANISATIONS_FILE = "organisations.yaml";
    public static final String CLASSPATH_AGREEMENTS = "accord/agreements";
    public static final String CLASSPATH_SCHEMAS = "accord/schemas";

    private final Map<String, Organisation> organisations;
    private final Map<String, Agreement> agreements;
    private final Map<String, AgreementRef> refs;
    private final RecordSchemas recordSchemas;
    private final AgreementDecider decider;

    private AgreementCatalogue(Map<String, Organisation> organisations, Map<String, Agreement> agreements,
                               Map<String, AgreementRef> refs, RecordSchemas recordSchemas) {
        this.organisations = Map.copyOf(organisations);
        this.agreements = Map.copyOf(agreements);
        this.refs = Map.copyOf(refs);
        this.recordSchemas = recordSchemas;
        List<AgreementDecider.Covered> covered = new ArrayList<>();
        agreements.values().forEach(a -> covered.add(new AgreementDecider.Covered(a, refs.get(a.id()))));
        this.decider = new AgreementDecider(organisations, covered);
    }

    /**
     * The catalogue packaged with the gateway (classpath {@code accord/agreements/} and {@code accord/schemas/}).
     *
     * @throws InvalidCatalogueException listing every problem
     */
    public static AgreementCatalogue fromClasspath() {
        return build(SourceFile.onClasspath(CLASSPATH_AGREEMENTS, "*.yaml"),
                SourceFile.onClasspath(CLASSPATH_SCHEMAS, "agreement.schema.json"),
                RecordSchemas.fromClasspath()).orElseThrow();
    }

    /**
     * The catalogue in two folders, for example the repository's {@code agreements/} and {@code schemas/}.
     *
     * @throws InvalidCatalogueException listing every problem
     */
    public static AgreementCatalogue fromDirectories(Path agreementsDir, Path schemasDir) {
        return check(agreementsDir, schemasDir).orElseThrow();
    }

    /** Loads and checks two folders without throwing for content problems; for {@link CatalogueCheck}. */
    public static Result check(Path agreementsDir, Path schemasDir) {
        Path agreementSchema = schemasDir.resolve("agreement.schema.json");
        Path records = schemasDir.resolve("records");
        if (!Files.isRegularFile(agreementSchema) || !Files.isDirectory(records)) {
            return new Result(null, List.of(new CatalogueProblem(schemasDir.toString(), 0,
                    "expected agreement.schema.json and a records folder here")));
        }
        List<SourceFile> files = new ArrayList<>(SourceFile.inDirectory(agreementsDir, "*.yaml"));
        files.addAll(SourceFile.inDirectory(agreementsDir, "*.yml"));
        return build(files, SourceFile.inDirectory(schemasDir, "agreement.schema.json"), RecordSchemas.fromDirectory(records));
    }

    private static Result build(List<SourceFile> agreementFolder, List<SourceFile> agreementSchema, RecordSchemas recordSchemas) {
        List<CatalogueProblem> problems = new ArrayList<>();
        if (agreementSchema.size() != 1) {
            return new Result(null, List.of(new CatalogueProblem("agreement.schema.json", 0, "the agreement schema is missing")));
        }
        AgreementLoader loader = AgreementLoader.withSchema(agreementSchema.get(0));
        List<Organisation> organisationList = List.of();
        List<LoadedAgreement> loaded = new ArrayList<>();
        boolean organisationsSeen = false;
        LoadedAgreement organisationsSource = null;
        for (SourceFile file : agreementFolder) {
            if (file.name().equals(ORGANISATIONS_FILE)) {
                organisationsSeen = true;
                organisationList = loader.loadOrganisations(file, problems);
                organisationsSource = loader.asSource(file);
            } else {
                loaded.add(loader.load(file));
            }
        }
        if (!organisationsSeen) {
            problems.add(new CatalogueProblem(ORGANISATIONS_FILE, 0, "the organisations file is missing"));
        }
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        organisationList.forEach(o -> organisations.put(o.id(), o));
        CatalogueValidator validator = new CatalogueValidator(organisations, recordSchemas);
        problems.addAll(validator.check(loaded));
        if (organisationsSource != null) {
            problems.addAll(validator.checkEmergencyProfiles(organisationsSource, loader.emergencyPointers()));
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        Map<String, AgreementRef> refs = new LinkedHashMap<>();
        for (LoadedAgreement file : loaded) {
            Agreement agreement = file.agreement().orElseThrow();
            agreements.put(agreement.id(), agreement);
            refs.put(agreement.id(), new AgreementRef(agreement.id(), agreement.version(), file.sha256()));
        }
        return new Result(new AgreementCatalogue(organisations, agreements, refs, recordSchemas), List.of());
    }

    /** Decides whether a record may move; see {@link AgreementDecider}. Costs microseconds. */
    public Decision decide(TransferRequest request) {
        return decider.decide(request);
    }

    public Map<String, Agreement> agreements() {
        return agreements;
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(agreements.get(id));
    }

    public Map<String, Organisation> organisations() {
        return organisations;
    }

    /** The reference (id, version, SHA-256 of the file) of an agreement in this catalogue. */
    public Optional<AgreementRef> ref(String agreementId) {
        return Optional.ofNullable(refs.get(agreementId));
    }

    public RecordSchemas recordSchemas() {
        return recordSchemas;
    }

    /** A catalogue, or the problems that stop one being built. */
    public record Result(AgreementCatalogue catalogueOrNull, List<CatalogueProblem> problems) {

        public Result {
            problems = List.copyOf(problems);
        }

        /** @throws InvalidCatalogueException if there are problems */
        public AgreementCatalogue orElseThrow() {
            if (!problems.isEmpty()) {
                throw new InvalidCatalogueException(problems);
            }
            return catalogueOrNull;
        }
    }
}
