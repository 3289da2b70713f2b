package org.accord.bench.crypto;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.accord.bench.TemporaryFolder;
import org.accord.gateway.crypto.CmsOpener;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.crypto.KeyAlgorithm;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A gateway and one partner with demo key material of the chosen algorithm, a 4 KB record and that record
 * already sealed for the partner. {@link CmsSealer} and {@link CmsOpener} are thread-safe, so threads share them.
 */
@State(Scope.Benchmark)
public class SealingParties {

    static final int RECORD_BYTES = 4096;
    static final String PARTNER = "partner";
    static final String TRANSFER_ID = "7f3c2a9e-4b1d-4c8e-9a51-0d6e2f8b1c47";

    @Param({"EC_P256", "RSA_3072"})
    public KeyAlgorithm algorithm;

    Path folder;
    byte[] record;
    CmsSealer sealer;
    CmsOpener opener;
    X509Certificate partnerCertificate;
    PrivateKey partnerKey;
    List<X509Certificate> trustAnchors;
    Clock clock;
    byte[] sealed;

    @Setup(Level.Trial)
    public void setUp() {
        folder = TemporaryFolder.create("accord-bench-pki-");
        clock = Clock.systemUTC();
        DemoPki pki = DemoPki.ensure(folder.resolve("pki"), List.of(PARTNER), algorithm, clock);
        record = fourKilobyteRecord();
        sealer = new CmsSealer(pki.gatewayKey(), List.of(pki.gatewayCertificate()), clock);
        opener = new CmsOpener();
        partnerCertificate = pki.partnerCertificate(PARTNER);
        partnerKey = pki.partnerKey(PARTNER);
        trustAnchors = List.of(pki.caCertificate());
        sealed = sealer.seal(record, TRANSFER_ID, partnerCertificate).der();
        byte[] opened = opener.open(sealed, partnerKey, partnerCertificate, trustAnchors, clock).content();
        if (!Arrays.equals(opened, record)) {
            throw new IllegalStateException("the sealed record did not open to itself");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        TemporaryFolder.delete(folder);
    }

    /** JSON-like printable text of exactly 4 KB, the same on every run. */
    static byte[] fourKilobyteRecord() {
        Random random = new Random(20261128L);
        StringBuilder text = new StringBuilder("{\"concern\":\"");
        String alphabet = "abcdefghijklmnopqrstuvwxyz     ,.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        while (text.length() < RECORD_BYTES - 2) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        text.append("\"}");
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        if (bytes.length != RECORD_BYTES) {
            throw new IllegalStateException("record is " + bytes.length + " bytes");
        }
        return bytes;
    }
}
