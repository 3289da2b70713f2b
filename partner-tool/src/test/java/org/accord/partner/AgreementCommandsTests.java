package org.accord.partner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.accord.gateway.agreement.AgreementCatalogue;
import org.accord.gateway.agreement.OpenSslSignatories;
import org.accord.gateway.crypto.Fingerprints;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A governance lead checks a folder of draft agreements, renders one as the PDF its signatories read, and each
 * signatory signs it with {@code sign-agreement}; all without a gateway.
 */
class AgreementCommandsTests {

    private static final String ID = "isa-northbridge-prevent-referrals";

    @TempDir
    Path dir;

    private Path agreements;

    @BeforeEach
    void copyTheShippedAgreementsAndSchemas() throws IOException {
        agreements = OpenSslSignatories.copyShipped(dir.resolve("agreements"));
        Path schemas = Files.createDirectories(dir.resolve("schemas/records"));
        Files.copy(Path.of("../schemas/agreement.schema.json"), dir.resolve("schemas/agreement.schema.json"));
        try (var files = Files.list(Path.of("../schemas/records"))) {
            for (Path f : files.toList()) {
                Files.copy(f, schemas.resolve(f.getFileName()));
            }
        }
    }

    @Test
    void whenTheFolderIsSoundThenCheckSaysOkAndGivesEachDigest() throws IOException {
        CommandRun run = CommandRun.of("agreement", "check", agreements.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("OK: 5 agreement(s)",
                ID + " v2 sha256 " + Fingerprints.sha256Hex(Files.readAllBytes(agreements.resolve(ID + ".yaml"))));
    }

    @Test
    void whenADraftHasAMistakeThenCheckPrintsItsFileAndLineAndFails() throws IOException {
        Path file = agreements.resolve(ID + ".yaml");
        Files.writeString(file, Files.readString(file).replace("role: controller", "role: owner"));

        CommandRun run = CommandRun.of("agreement", "check", agreements.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(ID + ".yaml:");
    }

    @Test
    void whenEachSignatorySignsWithTheToolThenTheCheckWithRequiredSignaturesPassesAndTheRenderShowsThem() throws Exception {
        OpenSslSignatories ca = OpenSslSignatories.ca(Files.createDirectories(dir.resolve("pki")), "Signatory CA");
        String anchors = ca.caCertificate.toString();
        CommandRun unsigned = CommandRun.of("agreement", "check", agreements.toString(), "--require-signatures",
                "--signatory-trust-anchors", anchors);
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.out()).contains("SIGNATURE_MISSING");

        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(agreements, dir.resolve("schemas"));
        for (var agreement : catalogue.agreements().values()) {
            for (var signatory : agreement.signatories()) {
                Path[] person = ca.person(signatory.name(), signatory.organisation());
                CommandRun sign = CommandRun.of("sign-agreement", agreements.resolve(agreement.id() + ".yaml").toString(),
                        "--key", person[0].toString(), "--cert", person[1].toString());
                assertThat(sign.exitCode()).as(sign.err()).isZero();
            }
        }
        Path signature = agreements.resolve(ID + ".v2.uni-northbridge.p7s");
        OpenSslSignatories.run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", signature.toString(),
                "-content", agreements.resolve(ID + ".yaml").toString(), "-CAfile", anchors, "-purpose", "any", "-out", "/dev/null");
        CommandRun signed = CommandRun.of("agreement", "check", agreements.toString(), "--require-signatures",
                "--signatory-trust-anchors", anchors);
        assertThat(signed.exitCode()).as(signed.out()).isZero();
        assertThat(signed.out()).contains(ID + " v2 sha256", "signed by every signatory");

        Path pdf = dir.resolve("referrals.pdf");
        CommandRun render = CommandRun.of("agreement", "render", agreements.resolve(ID + ".yaml").toString(), "--out", pdf.toString(),
                "--signatory-trust-anchors", anchors);
        assertThat(render.exitCode()).as(render.err()).isZero();
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(pdf))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(Fingerprints.sha256Hex(Files.readAllBytes(agreements.resolve(ID + ".yaml"))),
                    "CN=Prof. Alan Whitcombe", "signed").doesNotContain("not signed");
        }
    }
}
