package org.accord.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The delivery limits a partner gets: its own where agreed, else the global ones; and what is refused. */
class DeliveryPropertiesTests {

    private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = VALIDATION.getValidator();

    @AfterAll
    static void close() {
        VALIDATION.close();
    }

    @Test
    void whenAPartnerHasNoLimitsThenItGetsTheGlobalOnes() {
        DeliveryProperties properties = properties(Map.of("police", new DeliveryProperties.Limits(3, Duration.ofHours(2))));

        assertThat(properties.limitsFor("uni-eastmoor")).isEqualTo(new DeliveryProperties.Limits(8, Duration.ofHours(24)));
    }

    @Test
    void whenAPartnerAgreedBothLimitsThenItGetsItsOwn() {
        DeliveryProperties properties = properties(Map.of("police", new DeliveryProperties.Limits(3, Duration.ofHours(2))));

        assertThat(VALIDATOR.validate(properties)).isEmpty();
        assertThat(properties.limitsFor("police")).isEqualTo(new DeliveryProperties.Limits(3, Duration.ofHours(2)));
    }

    @Test
    void whenAPartnerAgreedOnlyOneLimitThenTheOtherIsTheGlobalOne() {
        DeliveryProperties properties = properties(Map.of("police", new DeliveryProperties.Limits(null, Duration.ofHours(72)),
                "council", new DeliveryProperties.Limits(20, null)));

        assertThat(properties.limitsFor("police")).isEqualTo(new DeliveryProperties.Limits(8, Duration.ofHours(72)));
        assertThat(properties.limitsFor("council")).isEqualTo(new DeliveryProperties.Limits(20, Duration.ofHours(24)));
    }

    @Test
    void whenAPartnersLimitsAreNotPositiveThenTheSettingsAreRefused() {
        DeliveryProperties properties = properties(Map.of("police", new DeliveryProperties.Limits(0, Duration.ZERO)));

        Set<ConstraintViolation<DeliveryProperties>> violations = VALIDATOR.validate(properties);

        assertThat(violations).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("limits[police].maxAttempts", "limits[police].giveUpAfter");
    }

    @Test
    void whenTheGlobalTimeLimitIsMissingThenTheSettingsAreRefused() {
        DeliveryProperties properties = new DeliveryProperties("q", Duration.ofSeconds(10), Duration.ofSeconds(2), 8, null, Duration.ofSeconds(2),
                Duration.ofMinutes(5), 2.0, 0.2, Duration.ofSeconds(10), 8, null, null, null, null);

        assertThat(VALIDATOR.validate(properties)).extracting(v -> v.getPropertyPath().toString()).containsExactly("giveUpAfter");
    }

    private static DeliveryProperties properties(Map<String, DeliveryProperties.Limits> limits) {
        DeliveryProperties properties = new DeliveryProperties("q", Duration.ofSeconds(10), Duration.ofSeconds(2), 8, Duration.ofHours(24),
                Duration.ofSeconds(2), Duration.ofMinutes(5), 2.0, 0.2, Duration.ofSeconds(10), 8, null, null, null, limits);
        return properties;
    }
}
