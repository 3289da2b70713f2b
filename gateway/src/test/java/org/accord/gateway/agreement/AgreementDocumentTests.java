package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped agreement renders as the document its signatories sign, in HTML and PDF; the PDF's text, read back
 * with PDFBox, holds the id, version, the file's SHA-256 and every field rule of every flow.
 */
class AgreementDocumentTests {

    static final AgreementCatalogue SHIPPED = AgreementCatalogue.fromDirectories(Path.of("../agreements"), Path.of("../schemas"));

    static Stream<String> shipped() {
        return SHIPPED.agreements().keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void whenAShippedAgreementIsRenderedAsPdfThenItsTextHoldsTheDigestAndEveryFieldRule(String id) throws IOException {
        AgreementVersion version = SHIPPED.current(id).orElseThrow();
        AgreementDocument document = AgreementDocument.of(version, SHIPPED.organisations());

        byte[] pdf = AgreementDocumentPdf.pdf(document);

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument read = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
        }
        assertThat(text).contains(version.sha256(), id, "version " + version.agreement().version());
        assertThat(text).contains("Parties and their roles", "Purposes, necessity and proportionality", "Legal powers",
                "Lawful bases and their conditions", "The data shared", "Security", "Retention and deletion",
                "Individuals' rights", "Onward sharing", "Breach handling", "Review", "Termination", "Signatories");
        for (Flow flow : version.agreement().flows()) {
            for (Map.Entry<String, org.accord.gateway.redaction.FieldRule> field : flow.fields().entrySet()) {
                assertThat(text).as("flow %s field %s", flow.id(), field.getKey())
                        .contains(field.getKey(), field.getValue().name(), PlainLanguage.field(field.getKey()))
                        .contains(PlainLanguage.rule(field.getValue()));
            }
        }
        for (Signatory signatory : version.agreement().signatories()) {
            assertThat(text).contains(signatory.name());
        }
        assertThat(text).contains("not signed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void whenAShippedAgreementIsRenderedAsHtmlThenEachFlowIsAPlainLanguageTableOfFields(String id) {
        AgreementVersion version = SHIPPED.current(id).orElseThrow();

        String html = AgreementDocumentPdf.xhtml(AgreementDocument.of(version, SHIPPED.organisations()));

        assertThat(html).contains(version.sha256(), "<h2>5. The data shared</h2>");
        version.agreement().flows().forEach(f -> assertThat(html).contains("Flow " + f.id() + ":"));
        assertThat(html).doesNotContain("<script", "style=\"");
    }

    @org.junit.jupiter.api.Test
    void whenFieldRulesAreWordedThenASignatoryReadsWhatEachDoes() {
        assertThat(PlainLanguage.field("subject.dateOfBirth")).isEqualTo("subject, date of birth");
        assertThat(PlainLanguage.rule(new org.accord.gateway.redaction.FieldRule.Generalise(
                org.accord.gateway.redaction.FieldRule.Generalisation.YEAR))).isEqualTo("year only");
        assertThat(PlainLanguage.rule(new org.accord.gateway.redaction.FieldRule.Drop())).isEqualTo("never shared");
        assertThat(PlainLanguage.rule(new org.accord.gateway.redaction.FieldRule.Scrub()))
                .isEqualTo("free text: names, phone numbers, addresses and other identifiers removed");
    }
}
