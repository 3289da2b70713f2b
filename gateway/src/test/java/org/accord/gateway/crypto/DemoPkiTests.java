package org.accord.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoPkiTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    @Test
    void whenEnsuredTwiceThenSecondCallLoadsTheSameKeysAndCertificates() {
        DemoPki first = DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);

        DemoPki second = DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, Clock.systemUTC());

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.gatewayCertificate()).isEqualTo(first.gatewayCertificate());
        assertThat(second.gatewayKey().getEncoded()).isEqualTo(first.gatewayKey().getEncoded());
        assertThat(second.partnerCertificate("uni-a")).isEqualTo(first.partnerCertificate("uni-a"));
        assertThat(second.partnerKey("uni-a").getEncoded()).isEqualTo(first.partnerKey("uni-a").getEncoded());
    }

    @Test
    void whenEnsuredThenFilesExistAndPrivateKeysAreOwnerOnly() throws Exception {
        Path root = directory.resolve("demo-pki");

        DemoPki.ensure(root, List.of("uni-a", "college-b"), KeyAlgorithm.EC_P256, CLOCK);

        for (String file : List.of("README.txt", "ca.crt", "ca.key", "gateway.crt", "gateway.key",
                "partners/uni-a.crt", "partners/uni-a.key", "partners/college-b.crt", "partners/college-b.key")) {
            assertThat(root.resolve(file)).isRegularFile();
        }
        assertThat(Files.readString(root.resolve("README.txt"))).contains("NEVER USE IN PRODUCTION");
        assertThat(Files.readString(root.resolve("gateway.key"))).startsWith("-----BEGIN PRIVATE KEY-----\n");
        Assumptions.assumeTrue(Files.getFileStore(root).supportsFileAttributeView("posix"));
        assertThat(Files.getPosixFilePermissions(root)).containsExactlyInAnyOrder(
                PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
        for (String key : List.of("ca.key", "gateway.key", "partners/uni-a.key")) {
            assertThat(Files.getPosixFilePermissions(root.resolve(key)))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
    }

    @Test
    void whenOrganisationAddedLaterThenOnlyItsPairIsCreated() {
        DemoPki first = DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);

        DemoPki second = DemoPki.ensure(directory, List.of("uni-a", "uni-d"), KeyAlgorithm.EC_P256, CLOCK);

        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.partnerCertificate("uni-a")).isEqualTo(first.partnerCertificate("uni-a"));
        assertThat(directory.resolve("partners/uni-d.key")).isRegularFile();
        assertThat(second.partnerCertificate("uni-d").getIssuerX500Principal())
                .isEqualTo(second.caCertificate().getSubjectX500Principal());
    }

    @Test
    void whenEnsuredThenCertificatesFollowTheDemoProfile() throws Exception {
        DemoPki pki = DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK);

        assertThat(pki.caCertificate().getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(pki.caCertificate().getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(pki.partnerCertificate("uni-a").getBasicConstraints()).isEqualTo(-1);
        assertThat(pki.partnerCertificate("uni-a").getSubjectX500Principal().getName()).startsWith("CN=uni-a,");
        assertThat(pki.partnerCertificate("uni-a").getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(pki.partnerCertificate("uni-a").getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(Duration.between(pki.gatewayCertificate().getNotBefore().toInstant(),
                pki.gatewayCertificate().getNotAfter().toInstant())).isBetween(Duration.ofDays(730), Duration.ofDays(731));
        pki.gatewayCertificate().verify(pki.caCertificate().getPublicKey());
        assertThat(pki.gatewayKey()).isInstanceOf(ECKey.class);
    }

    @Test
    void whenRsaRequestedThenRsaKeysForKeyEncipherment() {
        DemoPki pki = DemoPki.ensure(directory, List.of("uni-b"), KeyAlgorithm.RSA_3072, CLOCK);

        assertThat(pki.partnerKey("uni-b")).isInstanceOfSatisfying(RSAKey.class,
                key -> assertThat(key.getModulus().bitLength()).isEqualTo(3072));
        assertThat(pki.partnerCertificate("uni-b").getKeyUsage()[2]).as("keyEncipherment").isTrue();
    }

    @Test
    void whenKeyFileReplacedByAnotherKeyThenEnsureRefusesTheMismatch() throws Exception {
        DemoPki.ensure(directory, List.of("uni-a", "uni-c"), KeyAlgorithm.EC_P256, CLOCK);
        Files.copy(directory.resolve("partners/uni-c.key"), directory.resolve("partners/uni-a.key"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, CLOCK))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void whenOrganisationIdCouldEscapeTheDirectoryThenRejected() {
        assertThatThrownBy(() -> DemoPki.ensure(directory, List.of("../etc"), KeyAlgorithm.EC_P256, CLOCK))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(directory.resolve("ca.key")).doesNotExist();
    }

    @Test
    void whenOpenSslPresentThenItReadsTheKeysAndVerifiesTheCertificates() throws Exception {
        Assumptions.assumeTrue(OpenSslCli.find().isPresent(), "openssl is not on PATH: skipping the openssl check");
        DemoPki.ensure(directory, List.of("uni-a"), KeyAlgorithm.EC_P256, Clock.systemUTC());

        for (String key : List.of("ca.key", "gateway.key", "partners/uni-a.key")) {
            OpenSslCli.run(directory, "pkey", "-in", key, "-noout");
        }
        String verified = OpenSslCli.run(directory, "verify", "-CAfile", "ca.crt", "gateway.crt", "partners/uni-a.crt");
        assertThat(verified).contains("gateway.crt: OK", "partners/uni-a.crt: OK");
    }

    @Test
    void whenPemReadersGetForeignFilesThenTheyRefuse() throws Exception {
        Path text = Files.writeString(directory.resolve("not-a-key.pem"), "hello\n");

        assertThatThrownBy(() -> Pem.readPrivateKey(text)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Pem.readCertificate(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
