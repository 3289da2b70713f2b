package org.accord.gateway.security;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.accord.gateway.support.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTests {

    private final MovableClock clock = new MovableClock();
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiresAt = clock.instant().plus(Duration.ofMinutes(10));

    /** Stands in for the signature check: "good-..." tokens verify until they expire, anything else fails. */
    private final JwtDecoder decoder = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new JwtValidationException("expired", java.util.List.of(new OAuth2Error("invalid_token", "expired", null)));
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("uni-northbridge").issuedAt(clock.instant())
                .expiresAt(expiresAt).build();
    };

    private final VerifiedTokens tokens = new VerifiedTokens(decoder, clock, Duration.ofMinutes(5), 100);

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() {
        Jwt first = tokens.decode("good-1");
        Jwt second = tokens.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void eachDifferentTokenIsVerified() {
        tokens.decode("good-1");
        tokens.decode("good-2");
        tokens.decode("good-1x");

        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isEqualTo(3);
    }

    @Test
    void aTokenThatFailsIsNeverRemembered() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aRememberedTokenPastItsExpiryGoesBackToTheDecoderWhichRefusesIt() {
        expiresAt = clock.instant().plus(Duration.ofMinutes(2));
        tokens.decode("good-1");

        clock.advance(Duration.ofMinutes(3));

        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
        assertThat(verifications).hasValue(2);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenIsRememberedForAtMostTheRememberPeriod() {
        expiresAt = clock.instant().plus(Duration.ofHours(1));
        tokens.decode("good-1");

        clock.advance(Duration.ofMinutes(6));
        tokens.decode("good-1");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenAlreadyExpiredWhenVerifiedIsNotRemembered() {
        JwtDecoder lenient = token -> Jwt.withTokenValue(token).header("alg", "RS256").subject("s")
                .issuedAt(clock.instant().minusSeconds(120)).expiresAt(clock.instant().minusSeconds(30)).build();
        VerifiedTokens skewed = new VerifiedTokens(lenient, clock, Duration.ofMinutes(5), 100);

        skewed.decode("good-1");

        assertThat(skewed.size()).isZero();
    }
}
