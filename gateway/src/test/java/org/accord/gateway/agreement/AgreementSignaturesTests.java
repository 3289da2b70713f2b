package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.accord.gateway.crypto.DetachedSignatures;
import org.accord.gateway.crypto.Pem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code require-signatures}, an agreement loads only when each signatory it lists has signed exactly its file
 * with a certificate that chains to the signatory trust anchors and names them; signatures are made with stock
 * OpenSSL, as a signatory's own tools make them.
 */
class AgreementSignaturesTests {

    static final Path SCHEMAS = Path.of("../schemas");
    static final String REFERRALS = "isa-northbridge-prevent-referrals";

    @TempDir
    Path work;

    Path folder;
    OpenSslSignatories ca;
    SignaturePolicy required;

    @BeforeEach
    void signTheShippedAgreements() throws IOException {
        folder = OpenSslSignatories.copyShipped(work.resolve("agreements"));
        ca = OpenSslSignatories.ca(Files.createDirectories(work.resolve("pki")), "Accord Signatory CA");
        ca.signAll(folder, AgreementCatalogue.fromDirectories(folder, SCHEMAS));
        required = SignaturePolicy.of(true, ca.caCertificate.toString());
    }

    @Test
    void whenEverySignatoryHasSignedWithOpenSslThenTheCatalogueLoadsAndTheDocumentShowsWhoSigned() {
        AgreementCatalogue catalogue = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).orElseThrow();

        AgreementVersion version = catalogue.current(REFERRALS).orElseThrow();
        assertThat(version.fullySigned()).isTrue();
        AgreementDocument document = AgreementDocument.of(version, catalogue.organisations());
        assertThat(document.signatures()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo("signed");
            assertThat(s.certificate()).contains("CN=" + s.name());
            assertThat(s.certificateSha256()).hasSize(64);
            assertThat(s.signedAt()).endsWith("UTC");
        });
    }

    @Test
    void whenASignatoryHasNotSignedThenTheAgreementIsRefusedWithSignatureMissing() throws IOException {
        Files.delete(folder.resolve(REFERRALS + ".v2.ctp-nw-prevent.p7s"));

        List<CatalogueProblem> problems = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("SIGNATURE_MISSING");
            assertThat(p.file()).isEqualTo(REFERRALS + ".yaml");
            assertThat(p.toString()).contains("SIGNATURE_MISSING", "ctp-nw-prevent", REFERRALS + ".v2.ctp-nw-prevent.p7s")
                    .doesNotContain("Karen Liu");
        });
        AgreementCatalogue optional = AgreementCatalogue.check(folder, SCHEMAS, SignaturePolicy.OPTIONAL, Instant.now()).orElseThrow();
        assertThat(AgreementDocument.of(optional.current(REFERRALS).orElseThrow(), optional.organisations()).signatures())
                .extracting(AgreementDocument.SignatureLine::status).contains("not signed");
    }

    @Test
    void whenASignedAgreementIsEditedByOneByteThenItIsRefusedWithSignatureInvalid() throws IOException {
        Path file = folder.resolve(REFERRALS + ".yaml");
        byte[] bytes = Files.readAllBytes(file);
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        int at = text.indexOf("P14D");
        bytes[at + 1] = '2'; // collectWithin P14D becomes P24D: one byte, still a valid agreement
        Files.write(file, bytes);

        List<CatalogueProblem> problems = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems();

        assertThat(problems).hasSize(2).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(p.file()).isEqualTo(REFERRALS + ".yaml");
        });
    }

    @Test
    void whenTheCertificateDoesNotChainToTheTrustAnchorsThenSignatureInvalid() throws IOException {
        OpenSslSignatories other = OpenSslSignatories.ca(Files.createDirectories(work.resolve("other")), "Some Other CA");
        OpenSslSignatories.sign(folder.resolve(REFERRALS + ".yaml"), other.person("Prof. Alan Whitcombe", "uni-northbridge"),
                folder.resolve(REFERRALS + ".v2.uni-northbridge.p7s"));

        List<CatalogueProblem> problems = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems();

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo("SIGNATURE_INVALID");
            assertThat(p.message()).contains("trust anchor");
        });
    }

    @Test
    void whenTheCertificateNamesSomeoneElseThenSignerNotSignatory() throws IOException {
        OpenSslSignatories.sign(folder.resolve(REFERRALS + ".yaml"), ca.person("Helen Marsh", "uni-northbridge"),
                folder.resolve(REFERRALS + ".v2.uni-northbridge.p7s"));
        OpenSslSignatories.sign(folder.resolve(REFERRALS + ".yaml"), ca.person("Det. Supt. Karen Liu", "uni-eastmoor"),
                folder.resolve(REFERRALS + ".v2.ctp-nw-prevent.p7s"));

        List<CatalogueProblem> problems = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems();

        assertThat(problems).hasSize(2).extracting(CatalogueProblem::code).containsOnly("SIGNER_NOT_SIGNATORY");
    }

    @Test
    void whenTheCertificateNamesTheOrganisationByItsNameThenItCounts() throws IOException {
        String name = AgreementCatalogue.fromDirectories(folder, SCHEMAS).organisations().get("uni-northbridge").name();
        OpenSslSignatories.sign(folder.resolve(REFERRALS + ".yaml"), ca.person("Prof. Alan Whitcombe", name),
                folder.resolve(REFERRALS + ".v2.uni-northbridge.p7s"));

        assertThat(AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems()).isEmpty();
    }

    @Test
    void whenAccordSignsTheFileThenOpenSslVerifiesItAndTheCatalogueAcceptsIt() throws IOException {
        Path[] person = ca.person("Prof. Alan Whitcombe", "uni-northbridge");
        Path file = folder.resolve(REFERRALS + ".yaml");
        Path signature = folder.resolve(REFERRALS + ".v2.uni-northbridge.p7s");
        Files.write(signature, DetachedSignatures.sign(Files.readAllBytes(file), Pem.readPrivateKey(person[0]),
                Pem.readCertificate(person[1])));

        OpenSslSignatories.run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", file.toString(), "-CAfile", ca.caCertificate.toString(), "-purpose", "any", "-out", "/dev/null");
        assertThat(AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems()).isEmpty();
    }

    @Test
    void whenAnAgreementListsTwoSignatoriesOfOneOrganisationThenItIsRefusedAsTheirSignaturesWouldShareAFile() throws IOException {
        Path file = folder.resolve(REFERRALS + ".yaml");
        Files.writeString(file, Files.readString(file).replace("  - { organisation: ctp-nw-prevent, name: Det. Supt. Karen Liu,",
                "  - { organisation: uni-northbridge, name: Helen Marsh, position: Safeguarding Lead, date: 2025-12-09 }\n"
                        + "  - { organisation: ctp-nw-prevent, name: Det. Supt. Karen Liu,"));
        ca.signAll(folder, AgreementCatalogue.fromDirectories(folder, SCHEMAS));

        assertThat(AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).problems())
                .anySatisfy(p -> assertThat(p.message()).contains("one signatory per organisation"));
    }

    @Test
    void whenAReloadedCatalogueLacksASignatureThenTheOneInForceStays() throws IOException {
        AgreementCatalogue signed = AgreementCatalogue.check(folder, SCHEMAS, required, Instant.now()).orElseThrow();
        AgreementSource source = new AgreementSource(signed);
        AgreementReloader reloader = new AgreementReloader(source, folder, SCHEMAS.toString(), required);
        Files.delete(folder.resolve(REFERRALS + ".v2.uni-northbridge.p7s"));

        assertThat(reloader.reload()).isFalse();
        assertThat(source.current()).isSameAs(signed);
    }
}
