package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.accord.gateway.agreement.AgreementChanges.Change;
import org.accord.gateway.agreement.AgreementChanges.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A governance lead sees what changed between two versions in the document's words: a new version 3 of the referrals
 * agreement, made by editing version 2, which moves to {@code history/}; each kind of change shows in the list.
 */
class AgreementChangesTests {

    static final Path SCHEMAS = Path.of("../schemas");
    static final String ID = "isa-northbridge-prevent-referrals";

    @TempDir
    Path work;

    @Test
    void whenANewVersionChangesOneThingOfEachKindThenEachShowsInTheChangesList() throws IOException {
        Path folder = OpenSslSignatories.copyShipped(work.resolve("agreements"));
        Path history = Files.createDirectories(folder.resolve("history"));
        Files.copy(folder.resolve(ID + ".yaml"), history.resolve(ID + ".v2.yaml"));
        String v2 = Files.readString(folder.resolve(ID + ".yaml"));
        String v3 = edit(v2,
                "version: 2\n", "version: 3\n",
                "subject.religion: drop", "subject.religion: share",
                "      subject.phones: share\n", "",
                "subject.dateOfBirth: share", "subject.dateOfBirth: { rule: generalise, to: year }",
                "subject.ucasPersonalId: { rule: mask, keepLast: 4 }", "subject.ucasPersonalId: share",
                "necessity: The police Prevent team cannot", "necessity: Without these fields the police Prevent team cannot",
                "  - organisation: ctp-nw-prevent\n    role: controller", "  - organisation: ctp-nw-prevent\n    role: joint-controller",
                "conditions: [DPA-2018-Sch1-Pt2-para10, DPA-2018-Sch1-Pt2-para18]", "conditions: [DPA-2018-Sch1-Pt2-para10]",
                "nextReview: 2027-01-15", "nextReview: 2027-02-15");
        Files.writeString(folder.resolve(ID + ".yaml"), v3);
        AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(folder, SCHEMAS);

        List<Change> changes = AgreementChanges.between(catalogue.version(ID, 2).orElseThrow().agreement(),
                catalogue.current(ID).orElseThrow().agreement());

        assertThat(changes).extracting(Change::kind).containsExactlyInAnyOrder(Kind.FIELD_NEWLY_SHARED, Kind.FIELD_NO_LONGER_SHARED,
                Kind.RULE_STRICTER, Kind.RULE_LOOSER, Kind.PURPOSE_CHANGED, Kind.PARTY_CHANGED, Kind.LAWFUL_BASIS_CHANGED,
                Kind.DATE_CHANGED);
        assertThat(text(changes, Kind.FIELD_NEWLY_SHARED)).contains("subject, religion", "newly shared", "shared as recorded");
        assertThat(text(changes, Kind.FIELD_NO_LONGER_SHARED)).contains("subject, phones", "no longer shared");
        assertThat(text(changes, Kind.RULE_STRICTER)).contains("subject, date of birth", "shared as recorded becomes year only");
        assertThat(text(changes, Kind.RULE_LOOSER)).contains("subject, ucas personal id", "masked");
        assertThat(text(changes, Kind.PARTY_CHANGED)).contains("ctp-nw-prevent", "controller", "joint-controller");
        assertThat(text(changes, Kind.LAWFUL_BASIS_CHANGED)).contains("UK-GDPR-9-2-g");
        assertThat(text(changes, Kind.DATE_CHANGED)).isEqualTo("Next review date 2027-01-15 becomes 2027-02-15");
        assertThat(catalogue.versions(ID)).extracting(v -> v.agreement().version()).containsExactly(2, 3);
    }

    @Test
    void whenFlowsPurposesPartiesBasesOrStatusComeAndGoThenTheyShow() {
        AgreementCatalogue shipped = AgreementCatalogue.fromDirectories(Path.of("../agreements"), SCHEMAS);
        Agreement referrals = shipped.agreement(ID).orElseThrow();
        Agreement channel = shipped.agreement("isa-northbridge-channel-panel").orElseThrow();

        List<Change> changes = AgreementChanges.between(referrals, channel);

        assertThat(changes).extracting(Change::kind).contains(Kind.FLOW_ADDED, Kind.FLOW_REMOVED, Kind.PURPOSE_ADDED,
                Kind.PURPOSE_REMOVED, Kind.PARTY_ADDED, Kind.PARTY_REMOVED, Kind.TITLE_CHANGED);
        assertThat(AgreementChanges.between(referrals, referrals)).isEmpty();
    }

    @Test
    void whenTheShippedHistoryIsComparedThenTheMaskedUcasIdAndTheSocialMediaFieldShow() {
        AgreementCatalogue shipped = AgreementCatalogue.fromDirectories(Path.of("../agreements"), SCHEMAS);

        List<Change> changes = AgreementChanges.between(shipped.version(ID, 1).orElseThrow().agreement(),
                shipped.current(ID).orElseThrow().agreement());

        assertThat(text(changes, Kind.RULE_STRICTER)).contains("subject.ucasPersonalId", "only the last 4 characters shown");
        assertThat(text(changes, Kind.FIELD_NEWLY_SHARED)).contains("subject.socialMedia");
    }

    @Test
    void whenAHistoryFileIsMisnamedThenTheCatalogueIsRefused() throws IOException {
        Path folder = OpenSslSignatories.copyShipped(work.resolve("agreements"));
        Path history = Files.createDirectories(folder.resolve("history"));
        Files.copy(Path.of("../agreements/history/" + ID + ".v1.yaml"), history.resolve(ID + ".v7.yaml"));

        assertThat(AgreementCatalogue.check(folder, SCHEMAS).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be named " + ID + ".v1.yaml"));
    }

    private static String text(List<Change> changes, Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).map(Change::text).reduce((a, b) -> a + " | " + b).orElse("");
    }

    private static String edit(String text, String... pairs) {
        String result = text;
        for (int i = 0; i < pairs.length; i += 2) {
            if (!result.contains(pairs[i])) {
                throw new IllegalArgumentException("not in the agreement: " + pairs[i]);
            }
            result = result.replace(pairs[i], pairs[i + 1]);
        }
        return result;
    }
}
