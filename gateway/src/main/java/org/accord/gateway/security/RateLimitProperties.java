package org.accord.gateway.security;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Name;
import org.springframework.validation.annotation.Validated;

/**
 * Token buckets: one per OAuth2 client on the API, one per source address on the token endpoint.
 *
 * @param defaults the limit of every client and every source address not named under {@code clients}
 * @param clients limits of named clients (a field left out there is the default's)
 */
@Validated
@ConfigurationProperties("accord.security.rate-limits")
public record RateLimitProperties(@Name("default") @NotNull @Valid Limit defaults, Map<String, Limit> clients) {

    public RateLimitProperties {
        defaults = defaults == null ? new Limit(100, 200) : defaults;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
    }

    /** The limit of {@code clientId}: its own fields where it has them, the default's otherwise. */
    public Limit of(String clientId) {
        Limit own = clientId == null ? null : clients.get(clientId);
        if (own == null) {
            return defaults;
        }
        return new Limit(own.requestsPerSecond() == null ? defaults.requestsPerSecond() : own.requestsPerSecond(),
                own.burst() == null ? defaults.burst() : own.burst());
    }

    /**
     * @param requestsPerSecond requests a second the bucket refills at, sustained
     * @param burst requests the bucket holds when full, taken at once
     */
    public record Limit(@Positive Integer requestsPerSecond, @Positive Integer burst) {
    }
}
