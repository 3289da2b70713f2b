package org.accord.gateway.delivery;

import org.accord.gateway.security.Caller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/transfers/{id}/resend}: queue a failed transfer again, by hand. The resend is logged. */
@RestController
public class ResendController {

    private final Resend resend;

    public ResendController(Resend resend) {
        this.resend = resend;
    }

    @PostMapping("/api/v1/transfers/{id}/resend")
    public ResendResult resend(Caller caller, @PathVariable String id) {
        resend.requeue(id, caller.clientId());
        return new ResendResult(id, "QUEUED");
    }

    /** The transfer is queued for delivery again. */
    public record ResendResult(String transferId, String status) {
    }
}
