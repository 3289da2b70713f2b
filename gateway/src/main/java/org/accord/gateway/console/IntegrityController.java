package org.accord.gateway.console;

import org.accord.gateway.audit.ChainVerifier;
import org.accord.gateway.audit.LogIntegrity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Whether the transfer log's hash chain and signed checkpoints are intact, and the latest checkpoint. */
@Controller
class IntegrityController {

    private final LogIntegrity integrity;
    private final ConsoleReads reads;

    IntegrityController(LogIntegrity integrity, ConsoleReads reads) {
        this.integrity = integrity;
        this.reads = reads;
    }

    @GetMapping("/console/integrity")
    String integrity(Authentication reader, Model model) {
        ChainVerifier.Report report = integrity.verify();
        reads.logged(reader, null, "chain verification: " + (report.valid() ? "intact" : "broken at " + report.firstBroken().chainIndex()));
        model.addAttribute("report", report);
        return "console/integrity";
    }
}
