package org.accord.gateway.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers bearer tokens the wrapped decoder has already verified, so a client that sends the same token with every
 * request pays for its signature check once, not on every request (an RS256 verify and the claim parsing were about 5 %
 * of a submit's CPU).
 *
 * <p>Only tokens that verified and carry an expiry are remembered, each for at most {@code remember} and never past
 * its expiry: a remembered token whose expiry has come is forgotten and handed to the wrapped decoder again, which
 * decides (with its own clock skew) and reports the error exactly as it would without this cache. A token that fails
 * is never remembered. The cache is keyed on the whole token, so a token altered in any byte is a miss and is verified.
 * The cache holds what the decoder returned and nothing else; it is bounded in size and lives only in memory.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(JwtDecoder decoder, Clock clock, Duration remember, long maximumTokens) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(maximumTokens).expireAfterWrite(remember)
                .ticker(() -> clock.millis() * 1_000_000L).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        Instant now = clock.instant();
        if (known != null) {
            if (now.isBefore(known.getExpiresAt())) {
                return known;
            }
            verified.invalidate(token);
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            verified.put(token, jwt);
        }
        return jwt;
    }

    /** How many verified tokens are remembered now (for tests). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
