package org.accord.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.OAuth2Token;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationCode;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

/**
 * Spring Authorization Server's in-memory store of issued authorizations, forgetting each once all its tokens
 * have expired. The store as shipped keeps every token it ever issued, so a long run of client-credentials
 * requests would grow it without end. Authorizations still waiting for a code are bounded by that store itself.
 */
final class ExpiringAuthorizationService implements OAuth2AuthorizationService {

    static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final InMemoryOAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private volatile Instant nextSweep;

    ExpiringAuthorizationService(Clock clock) {
        this.clock = clock;
        this.nextSweep = clock.instant().plus(SWEEP_EVERY);
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        store.save(authorization);
        Instant expiry = expiryOf(authorization);
        if (expiry != null) {
            expiries.put(authorization.getId(), expiry);
        }
        sweepIfDue();
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
        expiries.remove(authorization.getId());
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return store.findByToken(token, tokenType);
    }

    /** How many authorizations with issued tokens are held. */
    int size() {
        return expiries.size();
    }

    private void sweepIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(SWEEP_EVERY);
        expiries.forEach((id, expiry) -> {
            if (expiry.isBefore(now) && expiries.remove(id, expiry)) {
                OAuth2Authorization expired = store.findById(id);
                if (expired != null) {
                    store.remove(expired);
                }
            }
        });
    }

    /** When the last of the authorization's tokens expires; {@code null} while it has none. */
    private static Instant expiryOf(OAuth2Authorization authorization) {
        return Stream.of(OAuth2AuthorizationCode.class, OAuth2AccessToken.class, OAuth2RefreshToken.class, OidcIdToken.class)
                .map(authorization::getToken)
                .filter(Objects::nonNull)
                .map(OAuth2Authorization.Token::getToken)
                .map(OAuth2Token::getExpiresAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(null);
    }
}
