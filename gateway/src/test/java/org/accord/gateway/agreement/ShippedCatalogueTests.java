package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.accord.gateway.redaction.FieldRule;
import org.accord.gateway.redaction.FieldTransform;
import org.accord.gateway.redaction.MinimisedRecord;
import org.accord.gateway.redaction.Minimiser;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The agreements, organisations and schemas at the top of the repository load, check and decide as the walk-through says. */
class ShippedCatalogueTests {

    static final Path AGREEMENTS = Path.of("../agreements");
    static final Path SCHEMAS = Path.of("../schemas");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final AgreementCatalogue catalogue = AgreementCatalogue.fromDirectories(AGREEMENTS, SCHEMAS);

    static ObjectNode exampleReferral() {
        return (ObjectNode) JsonMapper.shared().readTree(SCHEMAS.resolve("examples/prevent-referral.v1.example.json").toFile());
    }

    static TransferRequest referral(JsonNode record, LocalDate on) {
        return new TransferRequest("uni-northbridge/safeguarding-lead", "ctp-nw-prevent", "prevent-referral", 1,
                "prevent-referral-assessment", Direction.OUTBOUND, on, record);
    }

    @Test
    void whenShippedCatalogueIsLoadedThenEveryAgreementAndOrganisationIsThere() {
        assertThat(catalogue.agreements().keySet()).containsExactlyInAnyOrder(
                "isa-northbridge-prevent-referrals", "isa-ctp-northbridge-referral-outcomes", "isa-northbridge-channel-panel",
                "isa-northbridge-internal-safeguarding", "isa-northbridge-eastmoor-transfers");
        assertThat(catalogue.organisations().keySet()).containsExactlyInAnyOrder(
                "uni-northbridge", "uni-eastmoor", "ctp-nw-prevent", "la-northbridge-channel");
    }

    @Test
    void whenPackagedCatalogueIsLoadedFromClasspathThenItMatchesTheFolders() {
        AgreementCatalogue packaged = AgreementCatalogue.fromClasspath();

        assertThat(packaged.ref("isa-northbridge-prevent-referrals")).isEqualTo(catalogue.ref("isa-northbridge-prevent-referrals"));
    }

    @Test
    void whenExampleReferralIsValidatedThenItMeetsItsSchema() {
        assertThat(catalogue.recordSchemas().validate("prevent-referral", 1, exampleReferral())).isEmpty();
    }

    @Test
    void whenExampleReferralIsSentToPreventTeamThenItIsPermittedWithTheAgreementsPlan() throws Exception {
        Decision decision = catalogue.decide(referral(exampleReferral(), TODAY));

        assertThat(decision).isInstanceOfSatisfying(Permit.class, permit -> {
            assertThat(permit.agreement().id()).isEqualTo("isa-northbridge-prevent-referrals");
            assertThat(permit.agreement().version()).isEqualTo(2);
            assertThat(permit.agreement().sha256()).hasSize(64);
            assertThat(permit.flowId()).isEqualTo("referral");
            assertThat(permit.plan().ruleFor("subject.ucasPersonalId")).containsInstanceOf(FieldRule.Mask.class);
            assertThat(permit.channel().kind()).isEqualTo(ChannelKind.MAILBOX);
        });
        Permit permit = (Permit) decision;
        MinimisedRecord sent = new Minimiser(id -> new byte[32]).minimise(permit.plan(), exampleReferral(), TODAY);
        assertThat(sent.content().at("/subject/ucasPersonalId").asString()).isEqualTo("********7890");
        assertThat(sent.content().at("/subject/names/family").asString()).isEqualTo("Okafor-Reyes");
        assertThat(sent.content().at("/subject/religion").isMissingNode()).isTrue();
        assertThat(sent.withheld()).containsExactly("subject.religion");
        assertThat(catalogue.recordSchemas().validate("prevent-referral", 1, exampleReferral())).isEmpty();
    }

    @Test
    void whenExampleReferralIsSentToPreventTeamThenItsNarrativeIsScrubbedAndTheLogHoldsCountsOnly() throws Exception {
        Permit permit = (Permit) catalogue.decide(referral(exampleReferral(), TODAY));

        MinimisedRecord sent = new Minimiser(id -> new byte[32]).minimise(permit.plan(), exampleReferral(), TODAY);

        assertThat(sent.content().at("/concern/summary").asString()).isEqualTo("Over the last six weeks [NAME]'s personal tutor "
                + "has noticed him sharing extreme right-wing material in a course group chat and saying that 'action is needed'. "
                + "His flatmate [NAME] reported that he asked her to save [PHONE] as 'the organiser' and talked about travelling "
                + "to a rally in another city. He has withdrawn from his seminar group.");
        assertThat(sent.content().at("/concern/event/place").asString()).isEqualTo("Engineering building, seminar room 2.14");
        assertThat(sent.transformed()).contains(new FieldTransform("concern.summary", "scrub:PHONE=1,NAME=2"),
                new FieldTransform("concern.event.place", "scrub"));
        assertThat(sent.content().at("/subject/names/given").asString()).isEqualTo("Daniel");
    }

    @Test
    void whenReferralGivesNoReasonTheSubjectIsUnawareThenConditionFails() {
        ObjectNode record = exampleReferral();
        ((ObjectNode) record.get("consent")).remove("reasonNotAware");

        Decision decision = catalogue.decide(referral(record, TODAY));

        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> {
            assertThat(deny.code()).isEqualTo(DenialCode.CONDITION_FAILED);
            assertThat(deny.reason()).doesNotContain("Daniel").doesNotContain("Okafor");
        });
    }

    @Test
    void whenConcernGoesToEastmoorUnderTheExpiredAgreementThenItIsRefusedAsExpired() {
        JsonNode concern = JsonMapper.shared().readTree("{}");
        Decision decision = catalogue.decide(new TransferRequest("uni-northbridge/safeguarding-lead", "uni-eastmoor/safeguarding-lead",
                "safeguarding-concern", 1, "student-transfer-safeguarding", Direction.OUTBOUND, TODAY, concern));

        assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> {
            assertThat(deny.code()).isEqualTo(DenialCode.AGREEMENT_EXPIRED);
            assertThat(deny.reason()).isEqualTo("Agreement isa-northbridge-eastmoor-transfers expired on 2026-07-31.");
            assertThat(deny.agreementOrNull().id()).isEqualTo("isa-northbridge-eastmoor-transfers");
        });
    }

    @Test
    void whenEachShippedFlowIsRequestedThenItIsPermittedUnderItsAgreement() {
        catalogue.agreements().values().stream().filter(a -> a.inForceOn(TODAY)).forEach(agreement -> {
            for (Flow flow : agreement.flows()) {
                Decision decision = catalogue.decide(new TransferRequest(flow.from(), flow.to(), flow.recordType(),
                        flow.schemaVersion(), flow.purposes().get(0), flow.direction(), TODAY, satisfying(flow)));
                assertThat(decision).as("%s/%s", agreement.id(), flow.id()).isInstanceOfSatisfying(Permit.class,
                        permit -> assertThat(permit.flowId()).isEqualTo(flow.id()));
            }
        });
    }

    private static JsonNode satisfying(Flow flow) {
        String json = switch (flow.id()) {
            case "referral" -> exampleReferral().toString();
            case "information-request" -> "{\"legalPower\":\"CTSA-2015-s38\"}";
            case "information-response" -> "{\"dpoConsulted\":true}";
            case "support-notice-to-residences" -> "{\"concern\":{\"category\":\"wellbeing\"}}";
            default -> "{}";
        };
        return JsonMapper.shared().readTree(json);
    }

    @Test
    void whenGovernanceLeadChecksTheShippedFoldersThenCommandExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CatalogueCheck.run(new String[] {AGREEMENTS.toString(), SCHEMAS.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("OK: 5 agreement(s), 4 organisation(s)");
    }

    @Test
    void whenGovernanceLeadChecksBrokenDraftsThenCommandPrintsFileAndLineAndExitsNonZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = CatalogueCheck.run(new String[] {"src/test/resources/agreement/broken/scrub-unbounded-pattern", SCHEMAS.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .matches("(?s)isa-test\\.yaml:52: flow referral scrubs concern\\.summary but the student number pattern may not use \\+.*");
    }

    @Test
    void whenNextReviewIsNearThenShippedCatalogueShowsIt() {
        assertThat(catalogue.agreements().values())
                .anyMatch(a -> a.inForceOn(TODAY) && !a.nextReview().isAfter(TODAY.plusDays(60)));
        assertThat(Files.isRegularFile(AGREEMENTS.resolve("organisations.yaml"))).isTrue();
    }
}
