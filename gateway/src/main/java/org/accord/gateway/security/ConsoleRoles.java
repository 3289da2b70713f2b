package org.accord.gateway.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Maps the roles claim of a console user's ID token to the console's roles. Only the values configured in
 * {@code accord.console.role-values} count; everything else the identity provider says is ignored, so a
 * person gets no console role by default.
 */
public final class ConsoleRoles implements GrantedAuthoritiesMapper {

    public static final String DPO = "DPO";
    public static final String ADMIN = "ADMIN";
    public static final String REGISTRATION_ID = "accord";

    private final String claim;
    private final Map<String, List<String>> roleValues;

    public ConsoleRoles(ConsoleProperties properties) {
        this.claim = properties.rolesClaim();
        this.roleValues = properties.roleValues();
    }

    @Override
    public Collection<? extends GrantedAuthority> mapAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<String> values = new HashSet<>();
        for (GrantedAuthority authority : authorities) {
            if (authority instanceof OidcUserAuthority oidc) {
                values.addAll(claimValues(oidc.getIdToken().getClaims().get(claim)));
                if (oidc.getUserInfo() != null) {
                    values.addAll(claimValues(oidc.getUserInfo().getClaims().get(claim)));
                }
            }
        }
        Set<GrantedAuthority> mapped = new LinkedHashSet<>();
        roleValues.forEach((role, granting) -> {
            if (granting.stream().anyMatch(values::contains)) {
                mapped.add(new SimpleGrantedAuthority("ROLE_" + role));
            }
        });
        return mapped;
    }

    private static List<String> claimValues(Object value) {
        if (value instanceof Collection<?> many) {
            return many.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value).split("[ ,]+"));
    }
}
