package org.accord.gateway.delivery;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.accord.gateway.security.Caller;
import org.accord.gateway.transfer.Transfer;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
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

/** Pull delivery for partners without an endpoint of their own: list, download, acknowledge. */
@RestController
@RequestMapping("/api/v1/mailbox")
public class MailboxController {

    static final MediaType PKCS7_MIME = MediaType.parseMediaType("application/pkcs7-mime; smime-type=authEnveloped-data");

    private static final List<MediaType> RECEIPT_TYPES = List.of(MediaType.parseMediaType("application/pkcs7-mime"),
            MediaType.parseMediaType("application/pkcs7-signature"), MediaType.APPLICATION_OCTET_STREAM);

    private final Mailbox mailbox;
    private final MailboxProperties properties;

    public MailboxController(Mailbox mailbox, MailboxProperties properties) {
        this.mailbox = mailbox;
        this.properties = properties;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "List the messages waiting in the caller's mailbox, a page at a time",
            description = "Messages addressed to the caller's organisation or unit, not yet acknowledged, oldest first. "
                    + "waiting counts them all; next, absent on the last page, is the after of the next page. Needs the scope mailbox.")
    @ApiResponse(responseCode = "200", description = "A page of the mailbox",
            content = @Content(schema = @Schema(implementation = MailboxListing.class)))
    @ApiResponse(responseCode = "400", description = "INVALID_PARAMETER: limit not 1 to 1000, or after not a next this listing gave",
            content = @Content(mediaType = "application/problem+json"))
    public MailboxListing list(Caller caller,
            @Parameter(description = "messages per page, 1 to 1000") @RequestParam(defaultValue = "" + Mailbox.DEFAULT_LIMIT) int limit,
            @Parameter(description = "the next of the previous page; none for the first page") @RequestParam(required = false) String after) {
        return listing(mailbox, caller, Mailbox.Box.MAILBOX, limit, after);
    }

    /** A page of {@code box} as the API shows it. */
    static MailboxListing listing(Mailbox mailbox, Caller caller, Mailbox.Box box, int limit, String after) {
        Mailbox.Listing page = mailbox.waitingFor(caller.organisation(), box, after == null ? null : ListingCursor.parse(after), limit);
        return new MailboxListing(caller.organisation(), page.messages().stream().map(MessageSummary::of).toList(), page.waiting(),
                page.next() == null ? null : page.next().token());
    }

    @GetMapping("/{transferId}")
    public ResponseEntity<byte[]> download(Caller caller, @PathVariable String transferId) {
        return sealed(mailbox.download(caller.organisation(), caller.clientId(), transferId));
    }

    /** The sealed message as a download. */
    static ResponseEntity<byte[]> sealed(Mailbox.SealedDownload download) {
        return ResponseEntity.ok().contentType(PKCS7_MIME)
                .header("Content-Disposition", "attachment; filename=\"" + download.transferId() + ".p7m\"")
                .header("Digest", "sha-256=" + download.sha256())
                .body(download.der());
    }

    /**
     * Acknowledges receipt. The body, if any, is the partner's signed receipt: a CMS SignedData in DER
     * ({@code application/pkcs7-mime}) over the receipt JSON.
     */
    @PostMapping("/{transferId}/ack")
    public MessageSummary acknowledge(Caller caller, @PathVariable String transferId,
            @RequestHeader(value = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
            @RequestBody(required = false) byte[] receipt) {
        requireAcceptableReceipt(contentType, receipt, properties);
        return MessageSummary.of(mailbox.acknowledge(caller.organisation(), caller.clientId(), transferId, receipt));
    }

    /** A receipt sent with an acknowledgement, if any, must be DER CMS and within the size limit. */
    static void requireAcceptableReceipt(String contentType, byte[] receipt, MailboxProperties properties) {
        if (receipt != null && receipt.length > 0) {
            if (!acceptedReceiptType(contentType)) {
                throw new ApiProblemException(ProblemCode.UNSUPPORTED_MEDIA_TYPE,
                        "Send the signed receipt as application/pkcs7-mime (DER).");
            }
            if (receipt.length > properties.maxReceiptBytes()) {
                throw new ApiProblemException(ProblemCode.PAYLOAD_TOO_LARGE, "The signed receipt is too large.");
            }
        }
    }

    private static boolean acceptedReceiptType(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return RECEIPT_TYPES.stream().anyMatch(t -> t.equalsTypeAndSubtype(type));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /**
     * A page of the mailbox or the inbox of one organisation or unit.
     *
     * @param waiting how many messages wait in all, on every page
     * @param next the {@code after} of the next page; left out on the last page
     */
    public record MailboxListing(String organisation, List<MessageSummary> messages, long waiting,
            @JsonInclude(JsonInclude.Include.NON_NULL) String next) {
    }

    /**
     * What a recipient may know about a message before opening it.
     *
     * @param inReplyTo the id of the transfer this message answers (one the recipient sent), or null
     * @param urgent an urgent transfer (listed before every routine one): open it first
     */
    public record MessageSummary(String transferId, String sender, String recordType, int schemaVersion,
            String agreementId, int agreementVersion, String status, String sealedSha256, int size, String availableSince,
            String inReplyTo, boolean urgent) {

        static MessageSummary of(Transfer t) {
            return new MessageSummary(t.id(), t.sender(), t.recordType(), t.schemaVersion(), t.agreementId(),
                    t.agreementVersion(), t.status().name(), t.sealedSha256(), t.sealedSize(), t.updatedAt().toString(),
                    t.inReplyTo(), t.urgent());
        }
    }
}
