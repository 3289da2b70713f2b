package org.accord.gateway.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The export format of the transfer log: JSON lines with a header carrying the gateway's certificate, every
 * entry in chain order, every signed checkpoint, and the chain head. Anyone holding the gateway's certificate
 * can verify an export offline with {@link #verify}.
 */
public final class LogExport {

    public static final String FORMAT = "accord-log-export-v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OutputStream out;

    public LogExport(OutputStream out) {
        this.out = out;
    }

    public void header(List<X509Certificate> certificates, Instant exportedAt) {
        ObjectNode line = JSON.createObjectNode().put("type", "header").put("format", FORMAT).put("exportedAt", exportedAt.toString());
        certificates.forEach(c -> line.withArray("certificates").add(encode(c)));
        write(line);
    }

    public void entry(ChainedEntry e) {
        ObjectNode line = JSON.createObjectNode().put("type", "entry").put("chainIndex", e.chainIndex()).put("entryId", e.entryId())
                .put("recordedAt", e.recordedAt().toString()).put("transferId", e.transferId()).put("event", e.event())
                .put("outcome", e.outcome()).put("code", e.code()).put("actor", e.actor()).put("sender", e.sender())
                .put("recipient", e.recipient()).put("recordType", e.recordType()).put("schemaVersion", e.schemaVersion())
                .put("purpose", e.purpose()).put("agreementId", e.agreementId()).put("agreementVersion", e.agreementVersion())
                .put("agreementSha256", e.agreementSha256()).put("fieldsShared", e.fieldsShared())
                .put("fieldsTransformed", e.fieldsTransformed()).put("fieldsWithheld", e.fieldsWithheld())
                .put("sealedSha256", e.sealedSha256()).put("detail", e.detail()).put("signerSha256", e.signerSha256())
                .put("receiptSha256", e.receiptSha256()).put("prevHash", e.prevHash())
                .put("entryHash", e.entryHash());
        write(line);
    }

    public void checkpoint(Checkpoint c) {
        write(JSON.createObjectNode().put("type", "checkpoint").put("chainIndex", c.chainIndex()).put("headHash", c.headHash())
                .put("createdAt", c.createdAt().toString()).put("signatureAlgorithm", c.signatureAlgorithm())
                .put("signature", Base64.getEncoder().encodeToString(c.signature()))
                .put("signerCertificate", Base64.getEncoder().encodeToString(c.signerCertificate())));
    }

    public void head(long chainIndex) {
        write(JSON.createObjectNode().put("type", "head").put("chainIndex", chainIndex));
    }

    private void write(ObjectNode line) {
        try {
            out.write(JSON.writeValueAsBytes(line));
            out.write('\n');
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Verifies an export. Checkpoints count only when signed by one of {@code trusted}; pass the gateway's
     * certificate obtained independently (the export's own header is not a trust anchor).
     */
    public static ChainVerifier.Report verify(InputStream export, List<X509Certificate> trusted) throws IOException {
        return verify(List.of(export), trusted);
    }

    /**
     * Verifies several exports as one chain, oldest first: archive segments the gateway wrote under
     * {@code accord.retention.archive-directory}, then the live log's export. Each must be whole (its head its last
     * entry), each must continue the one before, and the first must start at entry 1 or at a signed checkpoint.
     */
    public static ChainVerifier.Report verify(List<InputStream> exports, List<X509Certificate> trusted) throws IOException {
        ChainVerifier verifier = new ChainVerifier(trusted);
        List<Checkpoint> checkpoints = new ArrayList<>();
        Long head = null;
        for (InputStream export : exports) {
            head = read(export, verifier, checkpoints);
            if (head != null) {
                verifier.headAt(head);
            }
        }
        return verifier.finish(checkpoints, null);
    }

    /** Feeds one export's entries to {@code verifier}, collects its checkpoints, and returns its head. */
    private static Long read(InputStream export, ChainVerifier verifier, List<Checkpoint> checkpoints) throws IOException {
        Long head = null;
        boolean header = false;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(export, StandardCharsets.UTF_8))) {
            String text;
            while ((text = reader.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = JSON.readTree(text);
                switch (line.path("type").asString()) {
                    case "header" -> header = FORMAT.equals(line.path("format").asString());
                    case "entry" -> verifier.accept(entry(line));
                    case "checkpoint" -> checkpoints.add(new Checkpoint(line.get("chainIndex").asLong(), line.get("headHash").asString(),
                            Instant.parse(line.get("createdAt").asString()), line.get("signatureAlgorithm").asString(),
                            Base64.getDecoder().decode(line.get("signature").asString()),
                            Base64.getDecoder().decode(line.get("signerCertificate").asString())));
                    case "head" -> head = line.get("chainIndex").asLong();
                    default -> throw new IOException("Unknown line type in transfer-log export");
                }
            }
        }
        if (!header) {
            throw new IOException("Not a " + FORMAT + " file");
        }
        return head;
    }

    public static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(der));
        }
        catch (CertificateException e) {
            throw new IllegalArgumentException("Not an X.509 certificate", e);
        }
    }

    private static ChainedEntry entry(JsonNode l) {
        return new ChainedEntry(l.get("chainIndex").asLong(), text(l, "entryId"), Instant.parse(l.get("recordedAt").asString()),
                text(l, "transferId"), text(l, "event"), text(l, "outcome"), text(l, "code"), text(l, "actor"), text(l, "sender"),
                text(l, "recipient"), text(l, "recordType"), integer(l, "schemaVersion"), text(l, "purpose"), text(l, "agreementId"),
                integer(l, "agreementVersion"), text(l, "agreementSha256"), text(l, "fieldsShared"), text(l, "fieldsTransformed"),
                text(l, "fieldsWithheld"), text(l, "sealedSha256"), text(l, "detail"), text(l, "signerSha256"),
                text(l, "receiptSha256"), text(l, "prevHash"), text(l, "entryHash"));
    }

    private static String text(JsonNode line, String name) {
        JsonNode node = line.get(name);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static Integer integer(JsonNode line, String name) {
        JsonNode node = line.get(name);
        return node == null || node.isNull() ? null : node.asInt();
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        }
        catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
