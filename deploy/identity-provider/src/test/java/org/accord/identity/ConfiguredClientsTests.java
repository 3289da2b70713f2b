package org.accord.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

class ConfiguredClientsTests {

    private static final String HASH = new BCryptPasswordEncoder(4).encode("secret");

    @Test
    void whenClientIsConfiguredThenItMayAskForItsScopesByClientCredentials() {
        List<RegisteredClient> clients = ConfiguredClients.from(properties(Map.of("uni",
                new IdentityProviderProperties.Client("{bcrypt}" + HASH, List.of("inbox", "submit:prevent-referral"))), null));

        assertThat(clients).singleElement().satisfies(client -> {
            assertThat(client.getClientId()).isEqualTo("uni");
            assertThat(client.getClientSecret()).isEqualTo(HASH);
            assertThat(client.getScopes()).containsExactlyInAnyOrder("inbox", "submit:prevent-referral");
            assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
            assertThat(client.getTokenSettings().getAccessTokenTimeToLive()).isEqualTo(Duration.ofMinutes(10));
        });
    }

    @Test
    void whenSecretIsInClearOrNoopThenStartIsRefusedWithoutShowingIt() {
        for (String notAHash : List.of("{noop}plain-secret", "plain-secret", "{sha256}abcdef")) {
            assertThatThrownBy(() -> ConfiguredClients.from(properties(Map.of("uni",
                    new IdentityProviderProperties.Client(notAHash, List.of("inbox"))), null)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client uni")
                    .hasMessageNotContaining("plain-secret")
                    .hasMessageNotContaining("abcdef");
        }
    }

    @Test
    void whenScopeIsNotAccordsThenStartIsRefused() {
        assertThatThrownBy(() -> ConfiguredClients.from(properties(Map.of("uni",
                new IdentityProviderProperties.Client(HASH, List.of("inbox", "transfer:read"))), null)))
                .hasMessageContaining("uni").hasMessageContaining("[transfer:read]");
    }

    @Test
    void whenConsoleIsConfiguredThenItIsAnAuthorizationCodeClientThatMustUsePkce() {
        List<RegisteredClient> clients = ConfiguredClients.from(properties(Map.of(),
                new IdentityProviderProperties.Console(HASH, List.of("https://accord-1.example/login/oauth2/code/accord"))));

        assertThat(clients).singleElement().satisfies(client -> {
            assertThat(client.getClientId()).isEqualTo("accord-console");
            assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.AUTHORIZATION_CODE);
            assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "profile");
            assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
            assertThat(client.getRedirectUris()).containsExactly("https://accord-1.example/login/oauth2/code/accord");
        });
    }

    @Test
    void whenConsoleRedirectNamesLocalhostThenStartIsRefused() {
        assertThatThrownBy(() -> ConfiguredClients.from(properties(Map.of(),
                new IdentityProviderProperties.Console(HASH, List.of("http://localhost:8080/login/oauth2/code/accord")))))
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void whenNothingIsConfiguredThenStartIsRefused() {
        assertThatThrownBy(() -> ConfiguredClients.from(properties(Map.of(), null))).hasMessageContaining("accord-idp.clients");
    }

    private static IdentityProviderProperties properties(Map<String, IdentityProviderProperties.Client> clients,
            IdentityProviderProperties.Console console) {
        return new IdentityProviderProperties(null, null, null, clients, console, null);
    }
}
