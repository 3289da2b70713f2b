package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's signing credential can come from a PKCS#12 key store instead of PEM files. */
class Pkcs12Tests {

    private static final char[] PASSWORD = "changeit-demo".toCharArray();

    @TempDir
    Path directory;

    @Test
    void whenKeyStoreHoldsOneKeyThenItIsReadWithItsChainWithoutAnAlias() throws Exception {
        DemoPki pki = DemoPki.ensure(directory.resolve("pki"), List.of());
        Path store = write(pki, "gateway");

        Pkcs12.Credential credential = Pkcs12.read(store, PASSWORD, null);

        assertThat(credential.chain()).containsExactly(pki.gatewayCertificate(), pki.caCertificate());
        assertThat(new CmsSealer(credential.key(), credential.chain()).seal(new byte[] {1}, "t-1", pki.gatewayCertificate())
                .signerCertificateSha256()).isEqualTo(Fingerprints.sha256Hex(pki.gatewayCertificate()));
    }

    @Test
    void whenTheAliasIsWrongOrThePasswordIsWrongThenReadingFailsWithAClearMessage() throws Exception {
        DemoPki pki = DemoPki.ensure(directory.resolve("pki"), List.of());
        Path store = write(pki, "gateway");

        assertThatThrownBy(() -> Pkcs12.read(store, PASSWORD, "nobody"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nobody");
        assertThatThrownBy(() -> Pkcs12.read(store, "wrong".toCharArray(), "gateway"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("wrong password");
    }

    private Path write(DemoPki pki, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, pki.gatewayKey(), PASSWORD,
                new Certificate[] {pki.gatewayCertificate(), pki.caCertificate()});
        Path file = directory.resolve("gateway.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD);
        }
        return file;
    }
}
