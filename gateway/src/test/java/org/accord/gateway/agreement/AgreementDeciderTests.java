package org.accord.gateway.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.accord.gateway.redaction.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;

/** Each denial code from a minimal case, and each way to a permit. */
class AgreementDeciderTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final String UNI = "uni-a/lead";
    static final String POLICE = "police";
    static final String PURPOSE = "assessment";
    static final JsonNode AWARE = JsonMapper.shared().readTree("{\"consent\":{\"subjectAware\":true}}");
    static final JsonNode NOT_AWARE = JsonMapper.shared().readTree("{\"consent\":{\"subjectAware\":false}}");

    static final Map<String, Organisation> ORGANISATIONS = Map.of(
            "uni-a", new Organisation("uni-a", "University A", "university", "ZZ1", List.of("lead", "support")),
            "police", new Organisation("police", "Police", "police", "ZZ2", List.of()),
            "council", new Organisation("council", "Council", "local-authority", "ZZ3", List.of()),
            "stranger", new Organisation("stranger", "Stranger", "university", "ZZ4", List.of()),
            "other", new Organisation("other", "Other", "university", "ZZ5", List.of()));

    static Flow referral(String id, String recordType, int version, Direction direction, Condition condition) {
        return new Flow(id, UNI, POLICE, direction, recordType, version, List.of(PURPOSE), condition,
                Map.of("consent.subjectAware", new FieldRule.Share()), new Channel(ChannelKind.HTTPS, "https://police.example/in"));
    }

    static Flow referral() {
        return referral("referral", "prevent-referral", 1, Direction.OUTBOUND, Condition.ALWAYS);
    }

    static Agreement agreement(String id, AgreementStatus status, String effective, String expires, Flow... flows) {
        Set<String> parties = new LinkedHashSet<>();
        for (Flow flow : flows) {
            parties.add(Organisation.organisationOf(flow.from()));
            parties.add(Organisation.organisationOf(flow.to()));
        }
        List<Party> partyList = new ArrayList<>();
        Contact contact = new Contact("DPO", null, "dpo@example.org", null);
        parties.forEach(p -> partyList.add(new Party(p, PartyRole.CONTROLLER, "ZZ", contact, contact)));
        LocalDate from = LocalDate.parse(effective);
        return new Agreement(id, 1, id, status, from, LocalDate.parse(expires), from.plusMonths(6), "REG",
                partyList, List.of(new Purpose(PURPOSE, "d", "n", "p")), List.of(new LegalPower("CTSA-2015-s26", null)),
                List.of(new LawfulBasis("UK-GDPR-6-1-e", List.of())), null, new Dpia("DPIA", from),
                List.of(flows), List.of(), new OnwardSharing(false, null), List.of("encrypted"),
                new SubjectRights("https://example.org/privacy", "each", null, "uni-a"), new Breach(24, List.of()), List.of());
    }

    static Agreement active(String id, Flow... flows) {
        return agreement(id, AgreementStatus.ACTIVE, "2026-01-01", "2027-12-31", flows);
    }

    static TransferRequest request(String sender, String recipient, String recordType, int version, String purpose,
                                   Direction direction, JsonNode record) {
        return new TransferRequest(sender, recipient, recordType, version, purpose, direction, TODAY, record);
    }

    static TransferRequest referralRequest() {
        return request(UNI, POLICE, "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE);
    }

    static Arguments row(String name, List<Agreement> agreements, TransferRequest request, String expected, String agreementId) {
        return Arguments.of(name, agreements, request, expected, agreementId);
    }

    static Stream<Arguments> cases() {
        Condition aware = new Condition.Any(List.of(
                new Condition.In("consent.subjectAware", List.of(BooleanNode.TRUE)),
                new Condition.Present("consent.reasonNotAware", true)));
        Agreement current = active("isa-current", referral());
        Agreement expired = agreement("isa-old", AgreementStatus.ACTIVE, "2024-01-01", "2026-07-31", referral());
        return Stream.of(
                row("one agreement covers it", List.of(current), referralRequest(), "PERMIT", "isa-current"),
                row("condition holds", List.of(active("isa-c", referral("referral", "prevent-referral", 1, Direction.OUTBOUND, aware))),
                        referralRequest(), "PERMIT", "isa-c"),
                row("expired agreement replaced by an active one", List.of(expired, current), referralRequest(), "PERMIT", "isa-current"),
                row("no agreement names either party", List.of(current),
                        request("stranger", "other", "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE), "NO_AGREEMENT", null),
                row("sender unknown", List.of(current),
                        request("uni-a/kitchen", POLICE, "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE), "UNKNOWN_SENDER", null),
                row("recipient unknown", List.of(current),
                        request(UNI, "nobody", "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE), "UNKNOWN_RECIPIENT", null),
                row("recipient not a party", List.of(current),
                        request(UNI, "stranger", "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE), "RECIPIENT_NOT_PARTY", null),
                row("sender not a party", List.of(current),
                        request("stranger", POLICE, "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, AWARE), "SENDER_NOT_PARTY", null),
                row("only agreement not yet effective", List.of(agreement("isa-future", AgreementStatus.ACTIVE, "2027-01-01", "2028-12-31", referral())),
                        referralRequest(), "AGREEMENT_NOT_YET_EFFECTIVE", "isa-future"),
                row("only agreement expired", List.of(expired), referralRequest(), "AGREEMENT_EXPIRED", "isa-old"),
                row("only agreement suspended", List.of(agreement("isa-s", AgreementStatus.SUSPENDED, "2026-01-01", "2027-12-31", referral())),
                        referralRequest(), "AGREEMENT_SUSPENDED", "isa-s"),
                row("only agreement terminated", List.of(agreement("isa-t", AgreementStatus.TERMINATED, "2026-01-01", "2027-12-31", referral())),
                        referralRequest(), "AGREEMENT_TERMINATED", "isa-t"),
                row("only agreement a draft", List.of(agreement("isa-d", AgreementStatus.DRAFT, "2026-01-01", "2027-12-31", referral())),
                        referralRequest(), "AGREEMENT_DRAFT", "isa-d"),
                row("expired agreement had the flow, active one does not",
                        List.of(expired, active("isa-outcomes", referral("outcome", "referral-outcome", 1, Direction.OUTBOUND, Condition.ALWAYS))),
                        referralRequest(), "AGREEMENT_EXPIRED", "isa-old"),
                row("record type not covered", List.of(current),
                        request(UNI, POLICE, "safeguarding-concern", 1, PURPOSE, Direction.OUTBOUND, AWARE), "RECORD_TYPE_NOT_COVERED", null),
                row("flow runs the other way", List.of(current),
                        request(POLICE, UNI, "prevent-referral", 1, PURPOSE, Direction.INBOUND, AWARE), "RECORD_TYPE_NOT_COVERED", null),
                row("schema version not covered", List.of(current),
                        request(UNI, POLICE, "prevent-referral", 2, PURPOSE, Direction.OUTBOUND, AWARE), "SCHEMA_VERSION_NOT_COVERED", "isa-current"),
                row("purpose not covered", List.of(current),
                        request(UNI, POLICE, "prevent-referral", 1, "marketing", Direction.OUTBOUND, AWARE), "PURPOSE_NOT_COVERED", "isa-current"),
                row("direction not covered", List.of(current),
                        request(UNI, POLICE, "prevent-referral", 1, PURPOSE, Direction.INBOUND, AWARE), "DIRECTION_NOT_COVERED", "isa-current"),
                row("condition fails", List.of(active("isa-c", referral("referral", "prevent-referral", 1, Direction.OUTBOUND, aware))),
                        request(UNI, POLICE, "prevent-referral", 1, PURPOSE, Direction.OUTBOUND, NOT_AWARE), "CONDITION_FAILED", "isa-c"),
                row("two active agreements cover it", List.of(current, active("isa-twin", referral())), referralRequest(), "AMBIGUOUS_AGREEMENT", null));
    }

    @Test
    void whenTableIsReadThenEveryDenialCodeHasACase() {
        Set<String> covered = new java.util.HashSet<>();
        cases().forEach(args -> covered.add((String) args.get()[3]));

        assertThat(covered).containsAll(Stream.of(DenialCode.values()).map(Enum::name).toList()).contains("PERMIT");
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @MethodSource("cases")
    void whenTransferIsRequestedThenDecisionIsTheExpectedOne(String name, List<Agreement> agreements, TransferRequest request,
                                                             String expected, String agreementId) {
        List<AgreementDecider.Covered> covered = agreements.stream()
                .map(a -> new AgreementDecider.Covered(a, new AgreementRef(a.id(), a.version(), "0".repeat(64))))
                .toList();
        AgreementDecider decider = new AgreementDecider(ORGANISATIONS, covered);

        Decision decision = decider.decide(request);

        if (expected.equals("PERMIT")) {
            assertThat(decision).isInstanceOfSatisfying(Permit.class, permit -> {
                assertThat(permit.agreement().id()).isEqualTo(agreementId);
                assertThat(permit.plan().agreementId()).isEqualTo(agreementId);
                assertThat(permit.plan().ruleFor("consent.subjectAware")).containsInstanceOf(FieldRule.Share.class);
                assertThat(permit.channel().kind()).isEqualTo(ChannelKind.HTTPS);
            });
        } else {
            assertThat(decision).isInstanceOfSatisfying(Deny.class, deny -> {
                assertThat(deny.code()).isEqualTo(DenialCode.valueOf(expected));
                assertThat(deny.reason()).endsWith(".").doesNotContain("subjectAware");
                if (agreementId == null) {
                    assertThat(deny.agreementOrNull()).isNull();
                } else {
                    assertThat(deny.agreementOrNull()).isNotNull();
                    assertThat(deny.agreementOrNull().id()).isEqualTo(agreementId);
                }
            });
        }
    }
}
