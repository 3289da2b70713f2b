package org.accord.gateway.agreement;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when an agreement catalogue has problems; the gateway refuses to run on a catalogue it cannot trust. */
public final class InvalidCatalogueException extends RuntimeException {

    private final List<CatalogueProblem> problems;

    public InvalidCatalogueException(List<CatalogueProblem> problems) {
        super("The agreement catalogue has " + problems.size() + " problem(s):\n"
                + problems.stream().map(CatalogueProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<CatalogueProblem> problems() {
        return problems;
    }
}
