package org.accord.gateway.console;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.accord.gateway.audit.LogExport;
import org.accord.gateway.audit.LogFilter;
import org.accord.gateway.audit.TransferLogEntry;
import org.accord.gateway.audit.TransferLogSearch;
import org.accord.gateway.emergency.EmergencyReviews;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The transfers list with its filter, and its exports as CSV (a spreadsheet) and JSON lines (chained entries). */
@Controller
class TransfersController {

    static final int PAGE_SIZE = 25;
    static final int MAX_EXPORT = 10_000;

    private final TransferLogSearch search;
    private final FilterChoices choices;
    private final ConsoleReads reads;

    private final EmergencyReviews emergencyReviews;

    TransfersController(TransferLogSearch search, FilterChoices choices, ConsoleReads reads,
            EmergencyReviews emergencyReviews) {
        this.emergencyReviews = emergencyReviews;
        this.search = search;
        this.choices = choices;
        this.reads = reads;
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/transfers";
    }

    @GetMapping("/console/transfers")
    String transfers(TransferFilterForm form, @RequestParam(defaultValue = "0") int page, Authentication reader, Model model) {
        int current = Math.max(page, 0);
        LogFilter filter = form.filter();
        Page<TransferLogEntry> openings = search.openings(filter, current, PAGE_SIZE);
        List<TransferLogEntry> content = openings.getContent();
        Map<String, TransferLogEntry> latest = search.latestSteps(content.stream().map(TransferLogEntry::transferId).toList());
        reads.logged(reader, null, "transfers page " + current + " filter " + filter.describe());
        model.addAttribute("emergencyReviewsOverdue", emergencyReviews.overdue());
        model.addAttribute("form", form);
        model.addAttribute("errors", form.errors());
        model.addAttribute("rows", TransferRow.of(content, latest));
        model.addAttribute("page", current);
        model.addAttribute("pages", openings.getTotalPages());
        model.addAttribute("total", openings.getTotalElements());
        model.addAttribute("query", form.query());
        choices.addTo(model);
        return "console/transfers";
    }

    @GetMapping(value = "/console/transfers.csv", produces = "text/csv")
    ResponseEntity<StreamingResponseBody> csv(TransferFilterForm form, Authentication reader) {
        LogFilter filter = form.filter();
        List<TransferLogEntry> openings = search.openings(filter, 0, MAX_EXPORT).getContent();
        Map<String, TransferLogEntry> latest = search.latestSteps(openings.stream().map(TransferLogEntry::transferId).toList());
        reads.logged(reader, null, "transfers CSV export of " + openings.size() + " filter " + filter.describe());
        List<TransferRow> rows = TransferRow.of(openings, latest);
        StreamingResponseBody body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(Csv.line(List.of("transfer_id", "received_at", "outcome", "code", "sender", "recipient", "record_type",
                    "agreement", "latest_step", "latest_step_at")));
            for (TransferRow r : rows) {
                w.write(Csv.line(java.util.Arrays.asList(r.transferId(), r.receivedAt(), r.outcome(), r.code(), r.sender(), r.recipient(),
                        r.recordType(), r.agreement(), r.latestStep(), r.latestStepAt())));
            }
            w.flush();
        };
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accord-transfers.csv\"").body(body);
    }

    @GetMapping(value = "/console/transfers.jsonl", produces = "application/x-ndjson")
    ResponseEntity<StreamingResponseBody> jsonLines(TransferFilterForm form, Authentication reader) {
        LogFilter filter = form.filter();
        List<String> ids = search.openings(filter, 0, MAX_EXPORT).getContent().stream().map(TransferLogEntry::transferId).toList();
        List<TransferLogEntry> steps = search.stepsOf(ids);
        reads.logged(reader, null, "transfers JSON-lines export of " + ids.size() + " filter " + filter.describe());
        StreamingResponseBody body = out -> {
            LogExport export = new LogExport(out);
            steps.forEach(e -> export.entry(e.chained()));
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accord-transfers.jsonl\"").body(body);
    }
}
