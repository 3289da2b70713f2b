package org.accord.gateway.audit;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

import org.accord.gateway.AccordApplication;
import org.accord.gateway.support.Fixtures;
import org.accord.gateway.support.GatewayClient;
import org.accord.gateway.support.TestDirs;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the gateway's signing key is rotated, the checkpoints its old key signed still verify: the DPO's
 * verification, exports and archives trust the certificates of {@code accord.pki.previous-signing-certificates}
 * besides the current one, and still refuse a checkpoint signed by any other key.
 */
class SigningKeyRotationLogIntegrationTests {

    private static final String DPO = "accord-dpo";
    private static final Signer PREVIOUS = Signer.create("CN=Accord gateway (before rotation), O=Test fixture");

    private static ConfigurableApplicationContext gateway;
    private static GatewayClient client;
    private static Checkpointer checkpointer;
    private static JdbcTemplate jdbc;
    private static LogIntegrity integrity;
    private static LogIntegrator integrator;

    /** A gateway of its own, on its own data folder, that knows the certificate it signed with before a rotation. */
    @BeforeAll
    static void start() throws Exception {
        Path root = TestDirs.create("accord-rotation-");
        Path pem = root.resolve("previous-signing.crt");
        Files.writeString(pem, "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(PREVIOUS.certificate().getEncoded())
                + "\n-----END CERTIFICATE-----\n");
        gateway = new SpringApplicationBuilder(AccordApplication.class).run("--server.port=0",
                "--accord.data-dir=" + root.resolve("data"), "--accord.pki.previous-signing-certificates=" + pem);
        client = GatewayClient.forContext(gateway);
        checkpointer = gateway.getBean(Checkpointer.class);
        jdbc = gateway.getBean(JdbcTemplate.class);
        integrity = gateway.getBean(LogIntegrity.class);
        integrator = gateway.getBean(LogIntegrator.class);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void whenACheckpointWasSignedWithThePreviousKeyThenTheLogStillVerifies() throws Exception {
        client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        integrator.integrateAll();
        checkpointer.checkpointNow();
        long id = resignLatestCheckpoint(PREVIOUS);

        JsonNode report = client.get("/api/v1/audit/verify", DPO).json();

        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(integrity.trustedCertificates()).contains(PREVIOUS.certificate());
        assertThat(jdbc.queryForObject("select count(*) from transfer_log_checkpoint where id = ?", Long.class, id)).isOne();
    }

    @Test
    void whenACheckpointWasSignedWithAnUnknownKeyThenTheLogDoesNotVerify() throws Exception {
        client.postJson("/api/v1/records", "uni-northbridge", Fixtures.json(Fixtures.referral()));
        integrator.integrateAll();
        checkpointer.checkpointNow();
        Signer stranger = Signer.create("CN=Someone else, O=Test fixture");
        long id = resignLatestCheckpoint(stranger);
        try {
            JsonNode report = client.get("/api/v1/audit/verify", DPO).json();

            assertThat(report.get("valid").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").get("code").asString()).isEqualTo("CHECKPOINT_FORGED");
        }
        finally {
            jdbc.update("delete from transfer_log_checkpoint where id = ?", id);
        }
    }

    /** Replaces the newest checkpoint's signature by one the given key makes over the same payload. */
    private long resignLatestCheckpoint(Signer signer) throws Exception {
        long id = jdbc.queryForObject("select max(id) from transfer_log_checkpoint", Long.class);
        var row = jdbc.queryForMap("select chain_index, head_hash, created_at from transfer_log_checkpoint where id = ?", id);
        long chainIndex = ((Number) row.get("chain_index")).longValue();
        String headHash = (String) row.get("head_hash");
        Instant createdAt = createdAt(row.get("created_at"));
        Signature signature = Signature.getInstance("SHA256withECDSA");
        signature.initSign(signer.keys().getPrivate());
        signature.update(LogChain.checkpointPayload(chainIndex, headHash, createdAt));
        jdbc.update("update transfer_log_checkpoint set signature_algorithm = ?, signature = ?, signer_certificate = ? where id = ?",
                "SHA256withECDSA", signature.sign(), signer.certificate().getEncoded(), id);
        return id;
    }

    private static Instant createdAt(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        throw new IllegalStateException("unexpected created_at type " + value.getClass());
    }

    private record Signer(KeyPair keys, X509Certificate certificate) {

        static Signer create(String subject) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair keys = generator.generateKeyPair();
                Instant now = Instant.now();
                X500Name name = new X500Name(subject);
                var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(30, ChronoUnit.DAYS)), name, keys.getPublic());
                X509Certificate certificate = new JcaX509CertificateConverter()
                        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
                return new Signer(keys, certificate);
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        }
    }
}
