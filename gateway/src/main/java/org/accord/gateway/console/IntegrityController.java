package org.accord.gateway.console;

import org.accord.gateway.audit.ChainVerifier;
import org.accord.gateway.audit.LogIntegrator;
import org.accord.gateway.audit.LogIntegrity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Whether the transfer log's hash chain and signed checkpoints are intact, and the latest checkpoint. */
@Controller
class IntegrityController {

    private final LogIntegrity integrity;
    private final LogIntegrator integrator;
    private final ConsoleReads reads;

    IntegrityController(LogIntegrity integrity, LogIntegrator integrator, ConsoleReads reads) {
        this.integrity = integrity;
        this.integrator = integrator;
        this.reads = reads;
    }

    @GetMapping("/console/integrity")
    String integrity(Authentication reader, Model model) {
        // Before verifying, which integrates what is waiting first.
        model.addAttribute("integration", integrator.status());
        ChainVerifier.Report report = integrity.verify();
        reads.logged(reader, null, "chain verification: " + (report.valid() ? "intact" : "broken at " + report.firstBroken().chainIndex()));
        model.addAttribute("report", report);
        return "console/integrity";
    }
}
