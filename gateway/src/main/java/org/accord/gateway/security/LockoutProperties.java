package org.accord.gateway.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Failed console sign-ins (per user name) and failed client authentications at the token endpoint (per client
 * id) first slow down, then lock.
 *
 * @param slowAfter failures in a row after which each next attempt must wait
 * @param firstDelay the first wait; it doubles with each further failure, up to {@code lockFor}
 * @param lockAfter failures in a row after which the name is locked
 * @param lockFor how long a lock lasts; a name's failures are forgotten this long after its last one
 */
@Validated
@ConfigurationProperties("accord.security.lockout")
public record LockoutProperties(@Positive int slowAfter, @NotNull Duration firstDelay, @Positive int lockAfter,
        @NotNull Duration lockFor) {
}
