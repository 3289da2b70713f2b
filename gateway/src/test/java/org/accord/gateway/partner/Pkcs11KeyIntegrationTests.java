package org.accord.gateway.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.accord.gateway.audit.Checkpoint;
import org.accord.gateway.audit.Checkpointer;
import org.accord.gateway.audit.LogChain;
import org.accord.gateway.audit.LogIntegrator;
import org.accord.gateway.crypto.CmsSealer;
import org.accord.gateway.crypto.DemoPki;
import org.accord.gateway.inbound.InboundOpener;
import org.accord.gateway.inbound.InboundOpening;
import org.accord.gateway.partner.KeyMaterialConfiguration.GatewayCredential;
import org.accord.gateway.security.DemoClients;
import org.accord.gateway.security.SecurityProperties;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.SoftHsm;
import org.accord.gateway.support.TestDirs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole gateway with its signing key in a SoftHSM2 token, found by token label: referrals are sealed with the
 * token key and open with stock OpenSSL, partners' messages are opened with it, and log checkpoints are signed
 * with it. Skipped when SoftHSM2, OpenSC or OpenSSL is absent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Pkcs11KeyIntegrationTests {

    private static final String KEY_LABEL = "gateway-it";
    private static final String POLICE = "ctp-nw-prevent";
    private static final Path DATA_DIR = TestDirs.create("accord-hsm-it-");

    @LocalServerPort
    private int port;

    @Autowired
    private DemoClients demoClients;

    @Autowired
    private SecurityProperties securityProperties;

    @Autowired
    private GatewayCredential credential;

    @Autowired
    private Checkpointer checkpointer;

    @Autowired
    private LogIntegrator integrator;

    @Autowired
    private InboundOpener inbound;

    private GatewayClient client;

    @BeforeAll
    static void putTheGatewayKeyIntoTheToken() throws IOException {
        SoftHsm hsm = SoftHsm.token();
        Assumptions.assumeTrue(onPath("openssl"), "openssl is not on PATH: skipping the PKCS#11 gateway tests");
        // The demo PKI's gateway key goes into the token; the gateway then uses the token, never the file.
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of());
        hsm.importKey(KEY_LABEL, pki.directory().resolve("gateway.key"), pki.gatewayCertificate());
        Path pin = DATA_DIR.resolve("secrets/accord/pki/pkcs11/pin");
        Files.createDirectories(pin.getParent());
        Files.writeString(pin, SoftHsm.PIN + "\n");
        // The secrets folder is read while the configuration is imported, before dynamic properties exist.
        System.setProperty("accord.secrets-dir", DATA_DIR.resolve("secrets").toString());
    }

    @AfterAll
    static void forgetTheSecretsFolder() {
        System.clearProperty("accord.secrets-dir");
    }

    @DynamicPropertySource
    static void tokenProperties(DynamicPropertyRegistry registry) {
        registry.add("accord.data-dir", DATA_DIR::toString);
        registry.add("accord.pki.pkcs11.library", SoftHsm.LIBRARY::toString);
        registry.add("accord.pki.pkcs11.token-label", () -> SoftHsm.TOKEN_LABEL);
        registry.add("accord.pki.pkcs11.key-label", () -> KEY_LABEL);
    }

    @BeforeEach
    void client() {
        client = GatewayClient.forDemo(port, securityProperties, demoClients);
    }

    @Test
    void whenTheGatewayStartsWithATokenKeyThenItsKeyCannotBeReadOut() {
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of());

        assertThat(credential.signingKey().getEncoded()).as("the key stays in the token").isNull();
        assertThat(credential.chain().get(0)).isEqualTo(pki.gatewayCertificate());
    }

    @Test
    void whenAReferralIsSealedWithTheTokenKeyThenStockOpenSslDecryptsAndVerifiesIt(@TempDir Path dir) throws Exception {
        Response submitted = client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        assertThat(submitted.status()).isEqualTo(202);
        String transferId = submitted.json().get("transferId").asString();
        await().atMost(30, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100))
                .until(() -> client.listedIds("/api/v1/mailbox", POLICE).contains(transferId));
        Files.write(dir.resolve("referral.p7m"), client.get("/api/v1/mailbox/" + transferId, POLICE).body());
        Path pki = DATA_DIR.resolve("pki");

        run(dir, "openssl", "cms", "-decrypt", "-inform", "DER", "-in", "referral.p7m",
                "-recip", pki.resolve("partners/" + POLICE + ".crt").toString(),
                "-inkey", pki.resolve("partners/" + POLICE + ".key").toString(), "-out", "referral.signed");
        String verify = run(dir, "openssl", "cms", "-verify", "-inform", "DER", "-in", "referral.signed",
                "-CAfile", pki.resolve("ca.crt").toString(), "-purpose", "any", "-out", "referral.json");

        assertThat(verify).contains("Verification successful");
        assertThat(Files.readString(dir.resolve("referral.json"))).contains(transferId);
    }

    @Test
    void whenAPartnerSealsForTheGatewayThenTheTokenKeyOpensIt() {
        DemoPki pki = DemoPki.ensure(DATA_DIR.resolve("pki"), List.of(POLICE));
        byte[] content = "{\"outcome\":\"demo\"}".getBytes(StandardCharsets.UTF_8);
        byte[] der = new CmsSealer(pki.partnerKey(POLICE), List.of(pki.partnerCertificate(POLICE)))
                .seal(content, "hsm-inbound-1", pki.gatewayCertificate()).der();

        InboundOpening opening = inbound.verify(der);

        assertThat(opening).isInstanceOfSatisfying(InboundOpening.Opened.class, opened -> {
            assertThat(opened.sender()).isEqualTo(POLICE);
            assertThat(opened.message().content()).isEqualTo(content);
        });
    }

    @Test
    void whenACheckpointIsSignedWithTheTokenKeyThenTheGatewayCertificateVerifiesIt() throws Exception {
        assertThat(client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral())).status())
                .isEqualTo(202);
        integrator.integrateAll();

        Checkpoint checkpoint = checkpointer.checkpointNow().orElseThrow();

        Signature verifier = Signature.getInstance(checkpoint.signatureAlgorithm());
        verifier.initVerify(credential.chain().get(0).getPublicKey());
        verifier.update(LogChain.checkpointPayload(checkpoint.chainIndex(), checkpoint.headHash(), checkpoint.createdAt()));
        assertThat(verifier.verify(checkpoint.signature())).isTrue();
        assertThat(client.get("/api/v1/audit/verify", "accord-dpo").json().get("valid").asBoolean()).isTrue();
    }

    private static String run(Path dir, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(java.io.File.pathSeparator))
                .anyMatch(entry -> Files.isExecutable(Path.of(entry, program)));
    }
}
