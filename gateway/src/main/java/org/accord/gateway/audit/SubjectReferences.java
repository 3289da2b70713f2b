package org.accord.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Types;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.accord.gateway.crypto.SecretFiles;
import org.accord.gateway.storage.InsertInto;
import org.accord.gateway.storage.PendingInserts;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Subject references: keyed pseudonyms of the person a record is about, stored beside the transfer so the DPO
 * can list every transfer about one person (UK GDPR Art. 15) while the log holds no identifier. A reference is
 * HMAC-SHA-256, under a gateway secret of its own, of one normalised identifier: the student id, or the family
 * name with the date of birth. The same person gives the same references in every record type that names them.
 */
public class SubjectReferences {

    /** Where each record type names the person it is about; types not listed name no one. */
    private static final Map<String, String> SUBJECT_MEMBER = Map.of(
            "prevent-referral", "subject",
            "safeguarding-concern", "subject",
            "channel-information-request", "person");

    private static final InsertInto SUBJECT = InsertInto.table("transfer_subject",
            "transfer_id", Types.VARCHAR, "subject_ref", Types.VARCHAR);

    private final byte[] secret;
    private final NamedParameterJdbcTemplate jdbc;
    private final PendingInserts inserts;

    public SubjectReferences(byte[] secret, NamedParameterJdbcTemplate jdbc, PendingInserts inserts) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("The subject reference secret must be at least 32 bytes");
        }
        this.secret = secret.clone();
        this.jdbc = jdbc;
        this.inserts = inserts;
    }

    /** The references for the person a record is about; empty if its type names no one or it has no identifier. */
    public List<String> referencesFor(String recordType, JsonNode record) {
        String member = SUBJECT_MEMBER.get(recordType);
        if (member == null || record == null || !record.isObject()) {
            return List.of();
        }
        JsonNode person = record.path(member);
        return referencesOf(text(person.path("studentId")), text(person.path("names").path("family")),
                text(person.path("dateOfBirth")));
    }

    /** The references a subject access request's identifiers give; any of them may be null. */
    public List<String> referencesOf(String studentId, String familyName, String dateOfBirth) {
        Set<String> refs = new LinkedHashSet<>();
        String id = normaliseStudentId(studentId);
        if (id != null) {
            refs.add(mac("student-id", id));
        }
        String family = normaliseName(familyName);
        String born = dateOfBirth == null || dateOfBirth.isBlank() ? null : dateOfBirth.strip();
        if (family != null && born != null) {
            refs.add(mac("family-name+date-of-birth", family + "|" + born));
        }
        return List.copyOf(refs);
    }

    /**
     * Stores a transfer's references, in the caller's transaction if it has one. They are written with the
     * transaction's other rows just before it commits ({@link PendingInserts}): a group commit of many submits costs
     * no round trip to the database for them. A clash (the same reference twice for one transfer) fails that commit as
     * a direct insert would.
     */
    @Transactional
    public void record(String transferId, List<String> refs) {
        for (String ref : new LinkedHashSet<>(refs)) {
            inserts.add(SUBJECT, transferId, ref);
        }
    }

    /** Ids of the transfers and refusals about anyone with one of these references. */
    @Transactional(readOnly = true)
    public List<String> transfersWith(Collection<String> refs) {
        if (refs.isEmpty()) {
            return List.of();
        }
        inserts.flush();
        return new ArrayList<>(jdbc.queryForList(
                "select distinct transfer_id from transfer_subject where subject_ref in (:refs)", Map.of("refs", refs), String.class));
    }

    static String normaliseStudentId(String value) {
        if (value == null) {
            return null;
        }
        String id = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return id.isEmpty() ? null : id;
    }

    /** Lower case, accents and punctuation gone, one space between words: "O'Brien-Smith " and "obrien smith" agree. */
    static String normaliseName(String value) {
        if (value == null) {
            return null;
        }
        String plain = Normalizer.normalize(value, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String name = plain.toLowerCase(Locale.ROOT).replaceAll("[\\p{Pd}\\s]+", " ").replaceAll("[^\\p{L}\\p{N} ]", "").strip();
        return name.isEmpty() ? null : name;
    }

    private String mac(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((kind + "\0" + value).getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    /** Loads the secret from {@code file}, making a random 32-byte one, readable by the owner only, if there is none. */
    public static byte[] ensureSecret(Path file) {
        return SecretFiles.ensure(file, "subject reference secret");
    }
}
