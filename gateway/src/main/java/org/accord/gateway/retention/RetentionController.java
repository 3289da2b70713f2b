package org.accord.gateway.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/retention} (scope {@code audit:read}): the Retention page's figures for the DPO's tools. */
@RestController
class RetentionController {

    private final RetentionReport report;

    RetentionController(RetentionReport report) {
        this.report = report;
    }

    @GetMapping("/api/v1/retention")
    @Operation(summary = "What the gateway holds, what is due for deletion, and the last purge run",
            description = "Sealed copies held by status and the oldest, expired transfers, subject references, idempotency keys, "
                    + "log entries and archives; what the next purge would delete; the last run's counts; the retention settings. "
                    + "Counts and dates only. Needs the scope audit:read.")
    @ApiResponse(responseCode = "200", description = "The retention report")
    RetentionReport.Report retention() {
        return report.now();
    }
}
