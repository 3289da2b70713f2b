package org.accord.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The DPO console's sign-in.
 *
 * @param rolesClaim  the ID token claim that lists the signed-in person's roles or groups
 * @param roleValues  console role ({@code DPO}, {@code ADMIN}) to the claim values that grant it; a person with
 *                    none of them is refused
 * @param demoUsers   users of the embedded authorization server and their roles; passwords are made at first
 *                    start in {@code <data-dir>/demo/users.properties}
 * @param redirectUris redirect URIs the embedded authorization server accepts for the console client; a loopback
 *                    address matches on any port (RFC 8252 s.7.3)
 */
@Validated
@ConfigurationProperties("accord.console")
public record ConsoleProperties(String rolesClaim, Map<String, List<String>> roleValues,
        Map<String, List<String>> demoUsers, List<String> redirectUris) {

    public ConsoleProperties {
        rolesClaim = rolesClaim == null || rolesClaim.isBlank() ? "roles" : rolesClaim;
        roleValues = roleValues == null || roleValues.isEmpty()
                ? Map.of(ConsoleRoles.DPO, List.of(ConsoleRoles.DPO), ConsoleRoles.ADMIN, List.of(ConsoleRoles.ADMIN))
                : Map.copyOf(roleValues);
        demoUsers = demoUsers == null ? Map.of() : Map.copyOf(demoUsers);
        redirectUris = redirectUris == null || redirectUris.isEmpty()
                ? List.of("http://127.0.0.1:8080/login/oauth2/code/" + ConsoleRoles.REGISTRATION_ID)
                : List.copyOf(redirectUris);
    }
}
