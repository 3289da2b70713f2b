package org.accord.gateway.delivery;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.accord.gateway.delivery.MailboxController.MailboxListing;
import org.accord.gateway.delivery.MailboxController.MessageSummary;
import org.accord.gateway.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/inbox}: the university system's view of its {@link Mailbox}, showing only records that arrived at
 * the caller's organisation or unit from a partner (inbound) or from another of its units (internal), each with the
 * transfer it answers. Fetch and acknowledge work as in the mailbox, on those records only.
 */
@RestController
@RequestMapping("/api/v1/inbox")
public class InboxController {

    private final Mailbox mailbox;
    private final MailboxProperties properties;

    public InboxController(Mailbox mailbox, MailboxProperties properties) {
        this.mailbox = mailbox;
        this.properties = properties;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the records waiting in the caller's inbox",
            description = "Records that arrived at the caller's organisation or unit (inbound) or came from another of its "
                    + "units (internal), not yet acknowledged, oldest first, a page at a time. waiting counts them all; next, "
                    + "absent on the last page, is the after of the next page. inReplyTo names the transfer a record answers "
                    + "(a referral outcome the referral, an information response the request). Needs the scope inbox.")
    @ApiResponse(responseCode = "200", description = "A page of the inbox",
            content = @Content(schema = @Schema(implementation = MailboxListing.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: limit not 1 to 1000, or after not a next this listing gave",
            content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "401", description = "UNAUTHENTICATED", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "INSUFFICIENT_SCOPE or UNKNOWN_CLIENT", content = @Content(mediaType = "application/problem+json"))
    public MailboxListing list(Caller caller,
            @Parameter(description = "records per page, 1 to 1000") @RequestParam(defaultValue = "" + Mailbox.DEFAULT_LIMIT) int limit,
            @Parameter(description = "the next of the previous page; none for the first page") @RequestParam(required = false) String after) {
        return MailboxController.listing(mailbox, caller, Mailbox.Box.INBOX, limit, after);
    }

    @GetMapping("/{transferId}")
    @Operation(summary = "Fetch a record from the inbox",
            description = "The sealed message (CMS AuthEnvelopedData around SignedData, DER), sealed for the caller's "
                    + "organisation or unit. The fetch is logged (DOWNLOADED).")
    @ApiResponse(responseCode = "200", description = "The sealed message", content = @Content(mediaType = "application/pkcs7-mime"))
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record in this inbox", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<byte[]> fetch(Caller caller, @PathVariable String transferId) {
        return MailboxController.sealed(mailbox.download(caller.organisation(), caller.clientId(), transferId, Mailbox.Box.INBOX));
    }

    @PostMapping("/{transferId}/ack")
    @Operation(summary = "Acknowledge a record, so it leaves the inbox",
            description = "The body may be a signed receipt (application/pkcs7-mime, CMS SignedData in DER), as for the mailbox.")
    @ApiResponse(responseCode = "200", description = "Acknowledged", content = @Content(schema = @Schema(implementation = MessageSummary.class)))
    @ApiResponse(responseCode = "404", description = "NOT_FOUND: no such record in this inbox", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "422", description = "RECEIPT_INVALID (with `reason`)", content = @Content(mediaType = "application/problem+json"))
    public MessageSummary acknowledge(Caller caller, @PathVariable String transferId,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] receipt) {
        MailboxController.requireAcceptableReceipt(contentType, receipt, properties);
        return MessageSummary.of(mailbox.acknowledge(caller.organisation(), caller.clientId(), transferId, receipt, Mailbox.Box.INBOX));
    }
}
