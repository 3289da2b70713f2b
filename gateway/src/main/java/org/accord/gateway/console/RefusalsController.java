package org.accord.gateway.console;

import java.util.Map;

import org.accord.gateway.audit.LogFilter;
import org.accord.gateway.audit.TransferLogEntry;
import org.accord.gateway.audit.TransferLogSearch;
import org.springframework.data.domain.Page;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Refusals counted by code and by sender, with the list, under the same filter as the transfers list. */
@Controller
class RefusalsController {

    private final TransferLogSearch search;
    private final FilterChoices choices;
    private final ConsoleReads reads;

    RefusalsController(TransferLogSearch search, FilterChoices choices, ConsoleReads reads) {
        this.search = search;
        this.choices = choices;
        this.reads = reads;
    }

    @GetMapping("/console/refusals")
    String refusals(TransferFilterForm form, @RequestParam(defaultValue = "0") int page, Authentication reader, Model model) {
        int current = Math.max(page, 0);
        LogFilter filter = form.filter().refusedOnly();
        Page<TransferLogEntry> openings = search.openings(filter, current, TransfersController.PAGE_SIZE);
        Map<String, TransferLogEntry> latest = search.latestSteps(openings.getContent().stream().map(TransferLogEntry::transferId).toList());
        reads.logged(reader, null, "refusals page " + current + " filter " + filter.describe());
        Map<String, Long> byCode = search.refusalCounts(filter, "code");
        model.addAttribute("form", form);
        model.addAttribute("errors", form.errors());
        model.addAttribute("byCode", byCode);
        model.addAttribute("bySender", search.refusalCounts(filter, "sender"));
        model.addAttribute("rows", TransferRow.of(openings.getContent(), latest));
        model.addAttribute("page", current);
        model.addAttribute("pages", openings.getTotalPages());
        model.addAttribute("total", openings.getTotalElements());
        model.addAttribute("query", form.query());
        choices.addTo(model);
        // Every entry here is a refusal: no outcome or later step to choose.
        model.asMap().remove("events");
        return "console/refusals";
    }
}
