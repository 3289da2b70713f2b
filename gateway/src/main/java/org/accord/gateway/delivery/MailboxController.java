package org.accord.gateway.delivery;

import java.util.List;

import org.accord.gateway.security.Caller;
import org.accord.gateway.transfer.Transfer;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Pull delivery for partners without an endpoint of their own: list, download, acknowledge. */
@RestController
@RequestMapping("/api/v1/mailbox")
public class MailboxController {

    static final MediaType PKCS7_MIME = MediaType.parseMediaType("application/pkcs7-mime; smime-type=authEnveloped-data");

    private final Mailbox mailbox;

    public MailboxController(Mailbox mailbox) {
        this.mailbox = mailbox;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public MailboxListing list(Caller caller) {
        List<MessageSummary> messages = mailbox.waitingFor(caller.organisation()).stream().map(MessageSummary::of).toList();
        return new MailboxListing(caller.organisation(), messages);
    }

    @GetMapping("/{transferId}")
    public ResponseEntity<byte[]> download(Caller caller, @PathVariable String transferId) {
        Mailbox.SealedDownload download = mailbox.download(caller.organisation(), caller.clientId(), transferId);
        return ResponseEntity.ok().contentType(PKCS7_MIME)
                .header("Content-Disposition", "attachment; filename=\"" + download.transferId() + ".p7m\"")
                .header("Digest", "sha-256=" + download.sha256())
                .body(download.der());
    }

    @PostMapping("/{transferId}/ack")
    public MessageSummary acknowledge(Caller caller, @PathVariable String transferId) {
        return MessageSummary.of(mailbox.acknowledge(caller.organisation(), caller.clientId(), transferId));
    }

    /** The mailbox of one organisation. */
    public record MailboxListing(String organisation, List<MessageSummary> messages) {
    }

    /** What a recipient may know about a message before opening it. */
    public record MessageSummary(String transferId, String sender, String recordType, int schemaVersion,
            String agreementId, int agreementVersion, String status, String sealedSha256, int size, String availableSince) {

        static MessageSummary of(Transfer t) {
            return new MessageSummary(t.id(), t.sender(), t.recordType(), t.schemaVersion(), t.agreementId(),
                    t.agreementVersion(), t.status().name(), t.sealedSha256(), t.sealedSize(), t.updatedAt().toString());
        }
    }
}
