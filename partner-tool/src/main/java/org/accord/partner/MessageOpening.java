package org.accord.partner;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.Fingerprints;
import org.accord.gateway.crypto.OpenedMessage;
import org.accord.gateway.crypto.ReceiptContent;
import org.accord.gateway.crypto.ReceiptSigner;

/** Opening a message and signing a receipt for it, shared by the {@code open}, {@code receipt} and {@code fetch} commands. */
final class MessageOpening {

    private MessageOpening() {
    }

    /** @throws org.accord.gateway.crypto.MessageRejectedException with the stable code if it must not be trusted */
    static OpenedMessage open(byte[] sealed, PartnerKeys keys, Clock clock) {
        return new CmsOpener().open(sealed, keys.privateKey(), keys.certificate(), keys.trustAnchors(), clock);
    }

    static byte[] receipt(byte[] sealed, OpenedMessage opened, PartnerKeys keys, Clock clock) {
        ReceiptContent content = new ReceiptContent(opened.transferId(), Fingerprints.sha256Hex(sealed), clock.instant());
        return new ReceiptSigner(keys.privateKey(), java.util.List.of(keys.certificate()), clock).sign(content);
    }

    static void describe(OpenedMessage opened, PrintWriter out) {
        out.println("transfer-id:   " + opened.transferId());
        out.println("signed-by:     " + opened.signer().getSubjectX500Principal().getName());
        out.println("signer-sha256: " + Fingerprints.sha256Hex(opened.signer()));
        out.println("signed-at:     " + opened.signingTime());
    }

    static String text(OpenedMessage opened) {
        return new String(opened.content(), StandardCharsets.UTF_8);
    }
}
