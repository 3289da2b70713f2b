package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.accord.gateway.support.ConsoleSession;
import org.accord.gateway.support.GatewayClient.Response;
import org.accord.gateway.support.GatewayIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agreement document over the API (PDF, scope {@code agreements:read}) and in the console, and what changed since
 * an earlier version; the packaged catalogue keeps version 1 of the referrals agreement in {@code history/}.
 */
class AgreementDocumentsIntegrationTests extends GatewayIntegrationTest {

    private static final String DPO = "accord-dpo";
    private static final String ID = "isa-northbridge-prevent-referrals";

    @Test
    void whenTheDocumentIsAskedForAsPdfThenItPrintsTheIdVersionAndTheDigestTheGatewayRecords() throws IOException {
        String sha256 = client.get("/api/v1/agreements/" + ID, DPO).json().get("summary").get("sha256").asString();

        Response pdf = client.get("/api/v1/agreements/" + ID + "/document.pdf", DPO);

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text).contains(ID, "version 2", sha256, "subject, religion", "never shared", "not signed");
        }
        assertThat(client.get("/api/v1/agreements/no-such-agreement/document.pdf", DPO).status()).isEqualTo(404);
        assertThat(client.get("/api/v1/agreements/" + ID + "/document.pdf", "ctp-nw-prevent").status()).isEqualTo(403);
    }

    @Test
    void whenChangesSinceAnEarlierVersionAreAskedForThenTheyAreListedInPlainLanguage() {
        Response response = client.get("/api/v1/agreements/" + ID + "/changes?from=1", DPO);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("fromVersion").asInt()).isEqualTo(1);
        assertThat(body.get("toVersion").asInt()).isEqualTo(2);
        assertThat(body.get("fromSha256").asString()).hasSize(64).isNotEqualTo(body.get("toSha256").asString());
        assertThat(body.get("changes").toString()).contains("RULE_STRICTER", "subject.ucasPersonalId", "FIELD_NEWLY_SHARED",
                "subject.socialMedia", "DATE_CHANGED");
        assertThat(client.get("/api/v1/agreements/" + ID + "/changes?from=9", DPO).status()).isEqualTo(404);
        Response notANumber = client.get("/api/v1/agreements/" + ID + "/changes?from=one", DPO);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.code()).isEqualTo("INVALID_PARAMETER");
    }

    @Test
    void whenTheConsoleShowsAnAgreementThenItIsThePrintableDocumentWithItsDigestAndSignatures() {
        ConsoleSession session = consoleSession();
        String sha256 = client.get("/api/v1/agreements/" + ID, DPO).json().get("summary").get("sha256").asString();

        ConsoleSession.Page page = session.signIn("admin", demoPassword("admin"), "/console/agreements/" + ID);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(sha256, "1. Parties and their roles", "13. Signatories", "Fields of flow referral",
                "subject, date of birth", "never shared", "not signed", "Changes since version 1")
                .doesNotContain("<script>", "style=\"");
        ConsoleSession.Page changes = session.get("/console/agreements/" + ID + "/changes?from=1");
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.body()).contains("What changed from version 1 to version 2", "RULE_STRICTER");
        ConsoleSession.Page pdf = session.get("/console/agreements/" + ID + "/document.pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(session.get("/console/agreements/no-such-agreement").status()).isEqualTo(404);
    }
}
