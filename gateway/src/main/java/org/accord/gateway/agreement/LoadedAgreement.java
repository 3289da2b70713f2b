package org.accord.gateway.agreement;

import java.util.List;
import java.util.Optional;

import org.accord.gateway.record.SourceFile;

/**
 * The outcome of reading one agreement file: the agreement, if the file parsed and met the agreement schema,
 * the problems found reading it, and the SHA-256 of the file's bytes.
 */
public final class LoadedAgreement {

    private final SourceFile file;
    private final String sha256;
    private final Optional<Agreement> agreement;
    private final List<CatalogueProblem> problems;
    private final LineIndex lines;

    LoadedAgreement(SourceFile file, String sha256, Optional<Agreement> agreement, List<CatalogueProblem> problems,
                    LineIndex lines) {
        this.file = file;
        this.sha256 = sha256;
        this.agreement = agreement;
        this.problems = List.copyOf(problems);
        this.lines = lines;
    }

    public SourceFile file() {
        return file;
    }

    /** Lowercase hex SHA-256 of the file's bytes. */
    public String sha256() {
        return sha256;
    }

    public Optional<Agreement> agreement() {
        return agreement;
    }

    public List<CatalogueProblem> problems() {
        return problems;
    }

    CatalogueProblem problemAt(String pointer, String message) {
        return new CatalogueProblem(file.name(), lines.lineOf(pointer), message);
    }
}
