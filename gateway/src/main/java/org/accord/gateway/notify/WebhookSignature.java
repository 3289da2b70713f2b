package org.accord.gateway.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Accord-Signature} header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>." followed by the body>}
 * with the unit's shared secret. The receiver recomputes it over the raw body, compares in constant time, and
 * refuses a {@code t} far from its own clock, so a captured notification cannot be replayed later.
 */
final class WebhookSignature {

    static final String HEADER = "Accord-Signature";

    private WebhookSignature() {
    }

    static String header(String secret, long epochSeconds, byte[] body) {
        return "t=" + epochSeconds + ",v1=" + HexFormat.of().formatHex(hmac(secret, epochSeconds, body));
    }

    static byte[] hmac(String secret, long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((epochSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
