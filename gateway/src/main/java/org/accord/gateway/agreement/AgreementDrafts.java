package org.accord.gateway.agreement;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.record.SourceFile;

/**
 * One agreement file read on its own, as a governance lead has it before it is signed or loaded: checked against the
 * agreement schema, its organisations taken from {@code organisations.yaml} beside it (or one folder up, for a file in
 * {@code history/}) when there is one, and its signatures from the {@code .p7s} files beside it. Needs no gateway.
 */
public final class AgreementDrafts {

    private AgreementDrafts() {
    }

    /** The document of one agreement file, or the problems that stop it being read. */
    public record Draft(AgreementDocument documentOrNull, List<CatalogueProblem> problems) {

        public Draft {
            problems = List.copyOf(problems);
        }
    }

    public static Draft read(Path file, Path schemasDir, SignaturePolicy policy, Instant now) {
        AgreementLoader loader = AgreementLoader.withSchema(
                new SourceFile("agreement.schema.json", read(schemasDir.resolve("agreement.schema.json"))));
        SourceFile source = new SourceFile(file.getFileName().toString(), read(file));
        LoadedAgreement loaded = loader.load(source);
        if (loaded.agreement().isEmpty()) {
            return new Draft(null, loaded.problems());
        }
        List<CatalogueProblem> problems = new ArrayList<>();
        Map<String, Organisation> organisations = new LinkedHashMap<>();
        Path folder = file.toAbsolutePath().getParent();
        for (Path candidate : List.of(folder.resolve(AgreementCatalogue.ORGANISATIONS_FILE),
                folder.getParent() == null ? folder : folder.getParent().resolve(AgreementCatalogue.ORGANISATIONS_FILE))) {
            if (organisations.isEmpty() && Files.isRegularFile(candidate)) {
                loader.loadOrganisations(new SourceFile(candidate.getFileName().toString(), read(candidate)), problems)
                        .forEach(o -> organisations.put(o.id(), o));
            }
        }
        Map<String, SourceFile> signatures = new LinkedHashMap<>();
        SourceFile.inDirectory(folder, "*.p7s").forEach(f -> signatures.put(f.name(), f));
        Agreement agreement = loaded.agreement().get();
        List<SignatureStatus> statuses = new SignatoryCheck(policy, organisations, now).check(agreement, source.bytes(), signatures);
        AgreementVersion version = new AgreementVersion(agreement, source, loaded.sha256(), statuses);
        return new Draft(AgreementDocument.of(version, organisations), problems);
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + path, e);
        }
    }
}
