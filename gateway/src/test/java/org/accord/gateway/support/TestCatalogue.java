package org.accord.gateway.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;

/** Writes small, complete agreement catalogues for tests that need agreements of their own. */
public final class TestCatalogue {

    private TestCatalogue() {
    }

    /** Copies the repository's schemas into a test's own folder. */
    public static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                }
                else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The University of Northbridge with its safeguarding lead, and the given partners. */
    public static void writeOrganisations(Path dir, String... partners) throws IOException {
        StringBuilder yaml = new StringBuilder("organisations:\n");
        yaml.append("  - { id: uni-northbridge, name: University of Northbridge, kind: university, icoRegistration: ZZ0000101,\n")
                .append("      units: [ { id: safeguarding-lead, name: Safeguarding Lead } ] }\n");
        for (String p : partners) {
            yaml.append("  - { id: ").append(p).append(", name: Partner ").append(p).append(", kind: police, icoRegistration: ZZ0000999 }\n");
        }
        Files.writeString(dir.resolve("organisations.yaml"), yaml.toString());
    }

    /**
     * A complete agreement: referrals (purpose {@code assess}, condition: the Prevent lead was consulted) from the
     * safeguarding lead to the partner over the given channel, and outcomes back in {@code outcomeDirection}.
     */
    public static void writeAgreement(Path dir, String id, String status, LocalDate effective, LocalDate expires, String partner,
            String outcomeDirection, String channelKind, String channelAddress) throws IOException {
        String yaml = """
                id: %1$s
                version: 1
                title: Test agreement %1$s
                status: %2$s
                effective: %3$s
                expires: %4$s
                nextReview: %7$s
                register: { reference: REG-%1$s }
                parties:
                  - { organisation: uni-northbridge, role: controller, icoRegistration: ZZ0000101, dpo: { name: DPO, email: dpo@northbridge.example }, pointOfContact: { name: Lead, email: lead@northbridge.example } }
                  - { organisation: %5$s, role: controller, icoRegistration: ZZ0000999, dpo: { name: DPO, email: dpo@partner.example }, pointOfContact: { name: Desk, email: desk@partner.example } }
                purposes:
                  - { id: assess, description: Assessment., necessity: Needed., proportionality: Proportionate. }
                legalPowers: [ { code: CTSA-2015-s26 } ]
                lawfulBases:
                  - { code: UK-GDPR-6-1-e }
                  - { code: UK-GDPR-9-2-g, conditions: [DPA-2018-Sch1-Pt2-para18] }
                  - { code: UK-GDPR-10, conditions: [DPA-2018-Sch1-Pt2-para10] }
                appropriatePolicyDocument: { reference: APD-1 }
                dpia: { reference: DPIA-1, date: 2025-11-01 }
                flows:
                  - id: referral
                    from: uni-northbridge/safeguarding-lead
                    to: %5$s
                    direction: outbound
                    recordType: prevent-referral
                    schemaVersion: 1
                    purposes: [assess]
                    conditions: { field: referrer.preventLeadConsulted, equals: true }
                    fields: { subject.names: share, concern.summary: share, referrer.preventLeadConsulted: share }
                    channel: { kind: %8$s, address: "%9$s" }
                  - id: outcome
                    from: %5$s
                    to: uni-northbridge/safeguarding-lead
                    direction: %6$s
                    recordType: referral-outcome
                    schemaVersion: 1
                    purposes: [assess]
                    fields: { stage: share }
                    channel: { kind: mailbox, address: safeguarding-lead }
                retention:
                  - { organisation: uni-northbridge, period: P6Y, trigger: case-closed, disposal: secure-deletion }
                  - { organisation: %5$s, period: P6Y, trigger: case-closed, disposal: secure-deletion }
                onwardSharing: { allowed: false }
                security: [Encrypted.]
                subjectRights: { privacyNotice: https://northbridge.example/privacy, accessRequests: Each answers for its own., lead: uni-northbridge }
                breach: { notifyWithinHours: 24, contacts: [ { organisation: uni-northbridge, name: DPO, email: dpo@northbridge.example } ] }
                signatories: [ { organisation: uni-northbridge, name: A Person, position: PVC, date: 2025-12-01 } ]
                """.formatted(id, status, effective, expires, partner, outcomeDirection, effective.plusDays(1), channelKind, channelAddress);
        Files.writeString(dir.resolve(id + ".yaml"), yaml);
    }
}
