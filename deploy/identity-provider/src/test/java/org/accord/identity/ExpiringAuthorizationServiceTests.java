package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ExpiringAuthorizationServiceTests {

    private static final RegisteredClient CLIENT = RegisteredClient.withId("1").clientId("uni").clientSecret("x")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).scope("inbox").build();

    private Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final ExpiringAuthorizationService service = new ExpiringAuthorizationService(new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    });

    @Test
    void whenATokenIsStillValidThenItsAuthorizationIsFound() {
        service.save(issued("a", now.plus(Duration.ofMinutes(10))));

        now = now.plus(Duration.ofMinutes(5));
        service.save(issued("b", now.plus(Duration.ofMinutes(10))));

        assertThat(service.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNotNull();
        assertThat(service.size()).isEqualTo(2);
    }

    @Test
    void whenAllItsTokensHaveExpiredThenTheAuthorizationIsForgotten() {
        service.save(issued("a", now.plus(Duration.ofMinutes(10))));

        now = now.plus(Duration.ofMinutes(11));
        service.save(issued("b", now.plus(Duration.ofMinutes(10))));

        assertThat(service.findByToken("token-a", OAuth2TokenType.ACCESS_TOKEN)).isNull();
        assertThat(service.findById("a")).isNull();
        assertThat(service.findById("b")).isNotNull();
        assertThat(service.size()).isEqualTo(1);
    }

    private OAuth2Authorization issued(String id, Instant expiresAt) {
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "token-" + id, now, expiresAt);
        return OAuth2Authorization.withRegisteredClient(CLIENT).id(id).principalName("uni")
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS).accessToken(token).build();
    }
}
