package org.accord.gateway.agreement;

/**
 * One thing wrong with an agreement catalogue.
 *
 * @param file    file name, for example {@code isa-northbridge-prevent-referrals.yaml}
 * @param line    1-based line the problem is on, or 0 if it concerns the whole file
 * @param message what is wrong, for a governance lead to fix
 * @param code    a stable code for problems a caller may act on (for example {@code SIGNATURE_MISSING}), or {@code null}
 */
public record CatalogueProblem(String file, int line, String message, String code) {

    public CatalogueProblem(String file, int line, String message) {
        this(file, line, message, null);
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (code == null ? "" : code + ": ") + message;
    }
}
