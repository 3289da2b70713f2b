package org.accord.identity;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the identity provider serves, from configuration only: no client or user is built in.
 *
 * @param signingKey              the JWK file holding the RSA key that signs tokens; made on first start,
 *                                readable by the owner only
 * @param accessTokenTimeToLive   how long an access token lives
 * @param rolesClaim              the ID token claim that lists a console user's roles (the gateway's
 *                                {@code accord.console.roles-claim})
 * @param clients                 client-credentials clients by client id
 * @param console                 the gateways' console as an OpenID Connect client ({@code accord-console});
 *                                absent, there is none
 * @param users                   people who may sign in to the console, by user name
 */
@ConfigurationProperties("accord-idp")
public record IdentityProviderProperties(Path signingKey, Duration accessTokenTimeToLive, String rolesClaim,
        Map<String, Client> clients, Console console, Map<String, User> users) {

    public IdentityProviderProperties {
        signingKey = signingKey == null ? Path.of("data", "identity-provider", "token-signing.jwk.json") : signingKey;
        accessTokenTimeToLive = accessTokenTimeToLive == null ? Duration.ofMinutes(10) : accessTokenTimeToLive;
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        users = users == null ? Map.of() : Map.copyOf(users);
    }

    /**
     * @param secretHash the bcrypt hash of the client's secret ({@code {bcrypt}$2a$...} or {@code $2a$...})
     * @param scopes     the scopes the client may ask for; a token carries those it asks for
     */
    public record Client(String secretHash, List<String> scopes) {

        public Client {
            scopes = scopes == null ? List.of() : List.copyOf(scopes);
        }
    }

    /**
     * @param secretHash   the bcrypt hash of the console client's secret
     * @param redirectUris the gateways' {@code /login/oauth2/code/accord} addresses; a loopback address
     *                     ({@code 127.0.0.1}) matches on any port
     */
    public record Console(String secretHash, List<String> redirectUris) {

        public Console {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        }
    }

    /**
     * @param passwordHash the bcrypt hash of the person's password
     * @param roles        the values put in the ID token's roles claim
     */
    public record User(String passwordHash, List<String> roles) {

        public User {
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
