package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.accord.gateway.AccordApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The production profile never runs on demo key material, and never without the gateway's own keys. */
class ProductionProfileTests {

    @TempDir
    Path dataDir;

    @Test
    void whenProdProfileIsAskedToUseDemoKeysThenTheGatewayRefusesToStart() {
        assertThatThrownBy(() -> start("--accord.demo.enabled=true"))
                .rootCause().hasMessageContaining("prod profile refuses demo key material");
    }

    @Test
    void whenProdProfileHasNoSigningKeyThenTheGatewayRefusesToStartAndSaysWhatIsMissing() {
        // Agreement signatures are the subject of the next test; here only the key is missing.
        assertThatThrownBy(() -> start("--accord.agreements.require-signatures=false"))
                .rootCause().hasMessageContaining("accord.pki.signing-key");
    }

    @Test
    void whenProdProfileRequiresSignaturesWithoutTrustAnchorsThenTheGatewayRefusesToStartAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> start())
                .rootCause().hasMessageContaining("accord.agreements.signatory-trust-anchors");
    }

    private void start(String... extra) {
        String[] base = {"--spring.profiles.active=prod", "--server.port=0", "--accord.data-dir=" + dataDir,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
                "--spring.artemis.broker-url=tcp://127.0.0.1:9"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        new SpringApplicationBuilder(AccordApplication.class).run(args).close();
    }
}
