package org.accord.gateway.console;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.accord.gateway.agreement.AgreementDocument;
import org.accord.gateway.agreement.AgreementDocumentPdf;
import org.accord.gateway.agreement.AgreementsController;
import org.accord.gateway.audit.TransferLogSearch;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

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

    /** The agreement in force as the document its signatories sign: printable, with the digest and signatures. */
    @GetMapping("/console/agreements/{id}")
    String agreement(@PathVariable String id, Authentication reader, Model model) {
        AgreementDocument document;
        AgreementsController.ChangeList changes;
        try {
            document = agreements.document(id);
        } catch (ApiProblemException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        try {
            changes = agreements.changeList(id, null);
        } catch (ApiProblemException e) {
            changes = null;
        }
        reads.logged(reader, null, "agreement document " + id);
        model.addAttribute("document", document);
        model.addAttribute("earlierVersions", changes == null ? List.of() : changes.earlierVersions());
        return "console/agreement";
    }

    /** The same document as a PDF, as the API's {@code document.pdf} gives it. */
    @GetMapping("/console/agreements/{id}/document.pdf")
    ResponseEntity<byte[]> agreementPdf(@PathVariable String id, Authentication reader) {
        AgreementDocument document;
        try {
            document = agreements.document(id);
        } catch (ApiProblemException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        reads.logged(reader, null, "agreement document PDF " + id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(id + ".pdf").build().toString())
                .body(AgreementDocumentPdf.pdf(document));
    }

    /** What changed between an earlier version and the one in force. */
    @GetMapping("/console/agreements/{id}/changes")
    String changes(@PathVariable String id, @RequestParam(required = false) String from, Authentication reader, Model model) {
        AgreementsController.ChangeList changes;
        try {
            changes = agreements.changeList(id, from);
        } catch (ApiProblemException e) {
            throw new ResponseStatusException(e.code() == ProblemCode.INVALID_PARAMETER ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND);
        }
        reads.logged(reader, null, "agreement changes " + id);
        model.addAttribute("changes", changes);
        return "console/agreement-changes";
    }

    /** One agreement's monthly transfer counts. */
    record Volume(String agreementId, List<Bar> months, long total) {
    }

    /** One month: its count and the bar's length as a percentage of the agreement's busiest month. */
    record Bar(String month, long count, int percent) {
    }
}
