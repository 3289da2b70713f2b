package org.accord.gateway.console;

import org.accord.gateway.retention.RetentionReport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the gateway holds (messages by status, the oldest, subject references, log entries, archives), what is due
 * for deletion, and the last purge run with its counts: the same report as {@code GET /api/v1/retention}.
 */
@Controller
class RetentionPageController {

    private final RetentionReport report;

    RetentionPageController(RetentionReport report) {
        this.report = report;
    }

    @GetMapping("/console/retention")
    String retention(Model model) {
        model.addAttribute("report", report.now());
        return "console/retention";
    }
}
