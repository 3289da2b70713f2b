package org.accord.gateway.agreement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Renders an {@link AgreementDocument} as a printable XHTML page and as a PDF (openhtmltopdf), with no Spring or
 * network: the gateway's {@code document.pdf} endpoint and the partner tool's {@code agreement render} both use it.
 */
public final class AgreementDocumentPdf {

    private static final String STYLE = """
            @page { size: A4; margin: 18mm 16mm 20mm 16mm;
              @bottom-center { content: "page " counter(page) " of " counter(pages); font-size: 8pt; } }
            body { font-family: sans-serif; font-size: 10pt; line-height: 1.35; color: #0b0c0c; }
            h1 { font-size: 18pt; margin: 0 0 4mm 0; }
            h2 { font-size: 13pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
            h3 { font-size: 11pt; margin: 4mm 0 2mm 0; page-break-after: avoid; }
            table { width: 100%; border-collapse: collapse; margin-bottom: 3mm; }
            th, td { border: 0.5pt solid #b1b4b6; padding: 1.2mm 1.5mm; text-align: left; vertical-align: top; }
            th { background: #f3f2f1; width: 30%; }
            thead th { width: auto; }
            tr { page-break-inside: avoid; }
            .mono { font-family: monospace; font-size: 7.5pt; color: #505a5f; }
            thead th.field { width: 45%; }
            .digest { font-family: monospace; font-size: 9pt; }
            """;

    private AgreementDocumentPdf() {
    }

    /** The document as a PDF. */
    public static byte[] pdf(AgreementDocument document) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(xhtml(document), null);
            builder.withProducer("Accord");
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render agreement " + document.id(), e);
        }
        return out.toByteArray();
    }

    /** The document as a standalone XHTML page with its own print stylesheet. */
    public static String xhtml(AgreementDocument d) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\"><head><meta charset=\"utf-8\"/>")
                .append("<title>").append(esc(d.title())).append("</title><style>").append(STYLE).append("</style></head>")
                .append("<body data-id=\"").append(esc(d.id() + " v" + d.version())).append("\">");
        h.append("<h1>").append(esc(d.title())).append("</h1>");
        h.append("<p>Information-sharing agreement <strong>").append(esc(d.id())).append("</strong> version <strong>")
                .append(d.version()).append("</strong>. SHA-256 of the agreement file: <span class=\"digest\">")
                .append(esc(d.sha256())).append("</span>. The gateway records this digest with every transfer under this version.</p>");
        facts(h, d.summary());
        for (AgreementDocument.Section section : d.sections()) {
            h.append("<h2>").append(esc(section.number() + ". " + section.heading())).append("</h2>");
            facts(h, section.facts());
            for (AgreementDocument.FlowTable flow : section.flows()) {
                h.append("<h3>").append(esc(flow.heading())).append("</h3>");
                facts(h, flow.facts());
                h.append("<table><thead><tr><th class=\"field\">Field</th><th>What is shared</th></tr></thead><tbody>");
                for (AgreementDocument.FieldLine f : flow.fields()) {
                    h.append("<tr><td>").append(esc(f.field())).append("<br/><span class=\"mono\">").append(esc(f.path()))
                            .append("</span></td><td>").append(esc(f.treatment())).append("<br/><span class=\"mono\">")
                            .append(esc(f.rule())).append("</span></td></tr>");
                }
                h.append("<tr><td>any other field</td><td>never shared<br/><span class=\"mono\">drop</span></td></tr>");
                h.append("</tbody></table>");
            }
        }
        h.append("<h2>Signatures</h2><table><thead><tr><th>Signatory</th><th>Signature on this file</th><th>Certificate</th></tr></thead><tbody>");
        for (AgreementDocument.SignatureLine s : d.signatures()) {
            h.append("<tr><td>").append(esc(s.name() + ", " + s.position() + ", " + s.organisation() + "; dated " + s.date()))
                    .append("</td><td>").append(esc(s.status() + (s.signedAt() == null ? "" : ", signed " + s.signedAt())))
                    .append("</td><td class=\"mono\">").append(esc(s.certificate() == null ? "none"
                            : s.certificate() + " SHA-256 " + s.certificateSha256())).append("</td></tr>");
        }
        h.append("</tbody></table>");
        h.append("<p>Agreement ").append(esc(d.id())).append(" version ").append(d.version()).append(", file ")
                .append(esc(d.file())).append(", SHA-256 <span class=\"digest\">").append(esc(d.sha256())).append("</span>.</p>");
        return h.append("</body></html>").toString();
    }

    private static void facts(StringBuilder h, java.util.List<AgreementDocument.Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        h.append("<table><tbody>");
        for (AgreementDocument.Fact f : facts) {
            h.append("<tr><th>").append(esc(f.label())).append("</th><td>").append(esc(f.text())).append("</td></tr>");
        }
        h.append("</tbody></table>");
    }

    private static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return out.toString();
    }
}
