package org.accord.gateway.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * Beside each agreement, its signatories' signatures {@code <id>.v<version>.<organisation>.p7s}; in
 * {@code history/}, superseded versions {@code <id>.v<version>.yaml} (and their signatures), checked against the
 * agreement schema but never used to decide.
 */
public final class AgreementCatalogue {

    public static final String ORGANISATIONS_FILE = "organisations.yaml";
    public static final String CLASSPATH_AGREEMENTS = "accord/agreements";
    public static final String CLASSPATH_SCHEMAS = "accord/schemas";
    public static final String HISTORY_FOLDER = "history";

    private final Map<String, Organisation> organisations;
    private final Map<String, Agreement> agreements;
    private final Map<String, AgreementRef> refs;
    private final Map<String, List<AgreementVersion>> versions;
    private final RecordSchemas recordSchemas;
    private final AgreementDecider decider;

    private AgreementCatalogue(Map<String, Organisation> organisations, Map<String, Agreement> agreements,
                               Map<String, AgreementRef> refs, Map<String, List<AgreementVersion>> versions,
                               RecordSchemas recordSchemas) {
        this.organisations = Map.copyOf(organisations);
        this.agreements = Map.copyOf(agreements);
        this.refs = Map.copyOf(refs);
        Map<String, List<AgreementVersion>> copy = new LinkedHashMap<>();
        versions.forEach((id, list) -> copy.put(id, List.copyOf(list)));
        this.versions = Map.copyOf(copy);
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
        return fromClasspath(SignaturePolicy.OPTIONAL);
    }

    /** The packaged catalogue, with signatures checked under {@code policy}. */
    public static AgreementCatalogue fromClasspath(SignaturePolicy policy) {
        String history = CLASSPATH_AGREEMENTS + "/" + HISTORY_FOLDER;
        return build(new Folder(SourceFile.onClasspath(CLASSPATH_AGREEMENTS, "*.yaml"),
                        SourceFile.onClasspath(CLASSPATH_AGREEMENTS, "*.p7s"),
                        SourceFile.onClasspath(history, "*.yaml"), SourceFile.onClasspath(history, "*.p7s")),
                SourceFile.onClasspath(CLASSPATH_SCHEMAS, "agreement.schema.json"),
                RecordSchemas.fromClasspath(), policy, Instant.now()).orElseThrow();
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
        return check(agreementsDir, schemasDir, SignaturePolicy.OPTIONAL, Instant.now());
    }

    /** Loads and checks two folders, the signatures under {@code policy} as of {@code now}. */
    public static Result check(Path agreementsDir, Path schemasDir, SignaturePolicy policy, Instant now) {
        Path agreementSchema = schemasDir.resolve("agreement.schema.json");
        Path records = schemasDir.resolve("records");
        if (!Files.isRegularFile(agreementSchema) || !Files.isDirectory(records)) {
            return new Result(null, List.of(new CatalogueProblem(schemasDir.toString(), 0,
                    "expected agreement.schema.json and a records folder here")));
        }
        List<SourceFile> files = new ArrayList<>(SourceFile.inDirectory(agreementsDir, "*.yaml"));
        files.addAll(SourceFile.inDirectory(agreementsDir, "*.yml"));
        Path history = agreementsDir.resolve(HISTORY_FOLDER);
        boolean hasHistory = Files.isDirectory(history);
        Folder folder = new Folder(files, SourceFile.inDirectory(agreementsDir, "*.p7s"),
                hasHistory ? SourceFile.inDirectory(history, "*.yaml") : List.of(),
                hasHistory ? SourceFile.inDirectory(history, "*.p7s") : List.of());
        return build(folder, SourceFile.inDirectory(schemasDir, "agreement.schema.json"), RecordSchemas.fromDirectory(records),
                policy, now);
    }

    /** The files of an agreements folder: agreements and organisations, signatures, and the history folder's. */
    private record Folder(List<SourceFile> yaml, List<SourceFile> signatures, List<SourceFile> historyYaml,
            List<SourceFile> historySignatures) {
    }

    private static Result build(Folder folder, List<SourceFile> agreementSchema, RecordSchemas recordSchemas,
            SignaturePolicy policy, Instant now) {
        List<SourceFile> agreementFolder = folder.yaml();
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
        SignatoryCheck signatories = new SignatoryCheck(policy, organisations, now);
        Map<String, SourceFile> signatureFiles = byName(folder.signatures());
        Map<String, Agreement> agreements = new LinkedHashMap<>();
        Map<String, AgreementRef> refs = new LinkedHashMap<>();
        Map<String, List<AgreementVersion>> versions = new LinkedHashMap<>();
        for (LoadedAgreement file : loaded) {
            Agreement agreement = file.agreement().orElseThrow();
            List<SignatureStatus> signatures = signatories.check(agreement, file.file().bytes(), signatureFiles);
            if (policy.required()) {
                if (agreement.signatories().isEmpty()) {
                    problems.add(new CatalogueProblem(file.file().name(), 0,
                            "the agreement lists no signatories, so nobody has signed it", SignatureProblem.SIGNATURE_MISSING.name()));
                }
                if (agreement.signatories().stream().map(Signatory::organisation).distinct().count() < agreement.signatories().size()) {
                    problems.add(new CatalogueProblem(file.file().name(), 0, "two signatories of one organisation would sign in "
                            + "one file <id>.v<version>.<organisation>.p7s: list one signatory per organisation",
                            SignatureProblem.SIGNATURE_INVALID.name()));
                }
                for (SignatureStatus status : signatures) {
                    if (!status.valid()) {
                        // The signatory's organisation and the file, not their name: problems go to the application log.
                        problems.add(new CatalogueProblem(file.file().name(), 0, "the signature of the "
                                + status.signatory().organisation() + " signatory (" + status.file() + "): " + status.detail(),
                                status.problemOrNull().name()));
                    }
                }
            }
            agreements.put(agreement.id(), agreement);
            refs.put(agreement.id(), new AgreementRef(agreement.id(), agreement.version(), file.sha256()));
            versions.computeIfAbsent(agreement.id(), k -> new ArrayList<>())
                    .add(new AgreementVersion(agreement, file.file(), file.sha256(), signatures));
        }
        Map<String, SourceFile> historySignatures = byName(folder.historySignatures());
        for (SourceFile file : folder.historyYaml()) {
            LoadedAgreement old = loader.load(file);
            problems.addAll(old.problems());
            old.agreement().ifPresent(a -> {
                String expected = a.id() + ".v" + a.version() + ".yaml";
                Agreement current = agreements.get(a.id());
                if (!file.name().equals(expected)) {
                    problems.add(new CatalogueProblem(HISTORY_FOLDER + "/" + file.name(), 0,
                            "a superseded version must be named " + expected));
                } else if (current != null && a.version() >= current.version()) {
                    problems.add(new CatalogueProblem(HISTORY_FOLDER + "/" + file.name(), 0, "version " + a.version()
                            + " is not older than the version in force, " + current.version()));
                } else {
                    versions.computeIfAbsent(a.id(), k -> new ArrayList<>()).add(new AgreementVersion(a, file, old.sha256(),
                            signatories.check(a, file.bytes(), historySignatures)));
                }
            });
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        versions.values().forEach(list -> list.sort(Comparator.comparingInt(v -> v.agreement().version())));
        return new Result(new AgreementCatalogue(organisations, agreements, refs, versions, recordSchemas), List.of());
    }

    private static Map<String, SourceFile> byName(List<SourceFile> files) {
        Map<String, SourceFile> byName = new LinkedHashMap<>();
        files.forEach(f -> byName.put(f.name(), f));
        return byName;
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

    /** The version in force of an agreement, with its file and signatures. */
    public Optional<AgreementVersion> current(String agreementId) {
        Agreement agreement = agreements.get(agreementId);
        return agreement == null ? Optional.empty() : version(agreementId, agreement.version());
    }

    /** One version of an agreement: the one in force or one kept in {@code history/}. */
    public Optional<AgreementVersion> version(String agreementId, int version) {
        return versions.getOrDefault(agreementId, List.of()).stream()
                .filter(v -> v.agreement().version() == version).findFirst();
    }

    /** Every known version of an agreement, oldest first. */
    public List<AgreementVersion> versions(String agreementId) {
        return versions.getOrDefault(agreementId, List.of());
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
