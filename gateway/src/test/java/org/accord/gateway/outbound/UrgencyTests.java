package org.accord.gateway.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class UrgencyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void whenAReferralHasEmergencyServicesCalledOrRiskDetailsThenItIsUrgent() {
        assertThat(Urgency.marked("prevent-referral", json("{\"immediateRisk\":{\"emergencyServicesCalled\":true}}"))).isTrue();
        assertThat(Urgency.marked("prevent-referral",
                json("{\"immediateRisk\":{\"emergencyServicesCalled\":false,\"details\":\"travelling on Friday\"}}"))).isTrue();
    }

    @Test
    void whenAReferralHasNoImmediateRiskThenItIsRoutine() {
        assertThat(Urgency.marked("prevent-referral", json("{\"immediateRisk\":{\"emergencyServicesCalled\":false}}"))).isFalse();
        assertThat(Urgency.marked("prevent-referral",
                json("{\"immediateRisk\":{\"emergencyServicesCalled\":false,\"details\":\"  \"}}"))).isFalse();
    }

    @Test
    void whenAConcernSaysUrgentThenItIsUrgentAndSoonOrRoutineIsNot() {
        assertThat(Urgency.marked("safeguarding-concern", json("{\"concern\":{\"urgency\":\"urgent\"}}"))).isTrue();
        assertThat(Urgency.marked("safeguarding-concern", json("{\"concern\":{\"urgency\":\"soon\"}}"))).isFalse();
        assertThat(Urgency.marked("safeguarding-concern", json("{\"concern\":{\"urgency\":\"routine\"}}"))).isFalse();
    }

    @Test
    void whenAnotherRecordTypeCarriesTheSameMembersThenItIsNotUrgentByContent() {
        assertThat(Urgency.marked("referral-outcome", json("{\"immediateRisk\":{\"emergencyServicesCalled\":true}}"))).isFalse();
        assertThat(Urgency.marked("channel-information-request", json("{\"concern\":{\"urgency\":\"urgent\"}}"))).isFalse();
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
