package org.accord.gateway.console;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.agreement.AgreementsController;
import org.accord.gateway.audit.TransferLogSearch;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Agreements with status, parties, review and expiry dates and their warnings (as the agreements API gives
 * them), and the number of transfers accepted under each in each of the last twelve months.
 */
@Controller
class AgreementsPageController {

    static final int MONTHS = 12;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final AgreementsController agreements;
    private final TransferLogSearch search;
    private final ConsoleReads reads;
    private final Clock clock;

    AgreementsPageController(AgreementsController agreements, TransferLogSearch search, ConsoleReads reads, Clock clock) {
        this.agreements = agreements;
        this.search = search;
        this.reads = reads;
        this.clock = clock;
    }

    @GetMapping("/console/agreements")
    String agreements(Authentication reader, Model model) {
        List<AgreementsController.AgreementSummary> summaries = agreements.summaries();
        YearMonth thisMonth = YearMonth.now(clock.withZone(UK));
        YearMonth first = thisMonth.minusMonths(MONTHS - 1);
        Map<String, Map<YearMonth, Long>> counts = new LinkedHashMap<>();
        search.acceptedSince(first.atDay(1).atStartOfDay(UK).toInstant()).forEach(t -> counts
                .computeIfAbsent(t.agreementId(), k -> new LinkedHashMap<>())
                .merge(YearMonth.from(t.receivedAt().atZone(UK)), 1L, Long::sum));
        reads.logged(reader, null, "agreements and monthly volumes");
        List<Volume> volumes = new ArrayList<>();
        for (AgreementsController.AgreementSummary a : summaries) {
            Map<YearMonth, Long> perMonth = counts.getOrDefault(a.id(), Map.of());
            long max = Math.max(1, perMonth.values().stream().mapToLong(Long::longValue).max().orElse(0));
            List<Bar> bars = new ArrayList<>();
            for (YearMonth m = first; !m.isAfter(thisMonth); m = m.plusMonths(1)) {
                long n = perMonth.getOrDefault(m, 0L);
                bars.add(new Bar(m.toString(), n, (int) Math.round(100.0 * n / max)));
            }
            volumes.add(new Volume(a.id(), bars, perMonth.values().stream().mapToLong(Long::longValue).sum()));
        }
        model.addAttribute("agreements", summaries);
        model.addAttribute("volumes", volumes);
        return "console/agreements";
    }

    /** One agreement's monthly transfer counts. */
    record Volume(String agreementId, List<Bar> months, long total) {
    }

    /** One month: its count and the bar's length as a percentage of the agreement's busiest month. */
    record Bar(String month, long count, int percent) {
    }
}
