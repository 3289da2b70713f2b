package org.accord.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class ConsoleRolesTests {

    @Test
    void whenIdTokenListsConfiguredValuesThenConsoleRolesAreGranted() {
        ConsoleRoles roles = new ConsoleRoles(new ConsoleProperties("groups",
                Map.of("DPO", List.of("ig-dpo"), "ADMIN", List.of("ops")), null, null));

        assertThat(names(roles.mapAuthorities(List.of(oidc("groups", List.of("ig-dpo", "staff")))))).containsExactly("ROLE_DPO");
        assertThat(names(roles.mapAuthorities(List.of(oidc("groups", "staff ops")))))
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void whenIdTokenHasNoConfiguredValueThenNoRoleAtAll() {
        ConsoleRoles roles = new ConsoleRoles(new ConsoleProperties(null, null, null, null));

        assertThat(roles.mapAuthorities(List.of(oidc("roles", List.of("CASEWORKER")), new SimpleGrantedAuthority("ROLE_DPO"))))
                .as("only the ID token's claim counts, never an authority from elsewhere").isEmpty();
        assertThat(roles.mapAuthorities(List.of(oidc("other", List.of("DPO"))))).isEmpty();
    }

    private static OidcUserAuthority oidc(String claim, Object value) {
        OidcIdToken token = new OidcIdToken("t", Instant.now(), Instant.now().plusSeconds(60), Map.of("sub", "someone", claim, value));
        return new OidcUserAuthority(token);
    }

    private static List<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }
}
