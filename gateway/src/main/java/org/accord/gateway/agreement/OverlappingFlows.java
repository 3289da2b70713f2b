package org.accord.gateway.agreement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds active agreements whose dates overlap and that cover the same transfer (sender, recipient, record type
 * and version, purpose, direction): the decision would be ambiguous, so the catalogue is refused. Reported in
 * both files.
 */
final class OverlappingFlows {

    private OverlappingFlows() {
    }

    static List<CatalogueProblem> find(List<LoadedAgreement> loaded) {
        List<CatalogueProblem> problems = new ArrayList<>();
        List<LoadedAgreement> active = loaded.stream()
                .filter(l -> l.agreement().map(a -> a.status() == AgreementStatus.ACTIVE).orElse(false))
                .toList();
        for (int i = 0; i < active.size(); i++) {
            for (int j = i; j < active.size(); j++) {
                Agreement a = active.get(i).agreement().orElseThrow();
                Agreement b = active.get(j).agreement().orElseThrow();
                if (a.effective().isAfter(b.expires()) || b.effective().isAfter(a.expires())) {
                    continue;
                }
                for (int fa = 0; fa < a.flows().size(); fa++) {
                    for (int fb = (i == j ? fa + 1 : 0); fb < b.flows().size(); fb++) {
                        Flow x = a.flows().get(fa);
                        Flow y = b.flows().get(fb);
                        Optional<String> purpose = x.purposes().stream().filter(y.purposes()::contains).findFirst();
                        if (x.from().equals(y.from()) && x.to().equals(y.to()) && x.recordType().equals(y.recordType())
                                && x.schemaVersion() == y.schemaVersion() && x.direction() == y.direction() && purpose.isPresent()) {
                            String transfer = " covers the same transfer (" + y.from() + " to " + y.to() + ", " + y.recordType()
                                    + " v" + y.schemaVersion() + ", purpose " + purpose.get() + ") as flow ";
                            problems.add(active.get(j).problemAt("/flows/" + fb, "flow " + y.id() + " of " + b.id()
                                    + transfer + x.id() + " of " + a.id() + " at overlapping dates"));
                            if (i != j) {
                                problems.add(active.get(i).problemAt("/flows/" + fa, "flow " + x.id() + " of " + a.id()
                                        + transfer + y.id() + " of " + b.id() + " at overlapping dates"));
                            }
                        }
                    }
                }
            }
        }
        return problems;
    }
}
