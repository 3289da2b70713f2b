package org.accord.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The people who may sign in to the console, from configuration: a name, a bcrypt password hash and the roles
 * the ID token will carry. Roles are held as authorities with their own prefix, which this server checks for
 * nothing; they only travel to the gateways in the roles claim.
 */
final class ConsoleUsers {

    private static final String ROLE_AUTHORITY = "ACCORD_CONSOLE_ROLE_";

    private ConsoleUsers() {
    }

    static InMemoryUserDetailsManager from(IdentityProviderProperties properties) {
        List<UserDetails> users = new ArrayList<>();
        properties.users().forEach((name, user) -> users.add(User.withUsername(name)
                .password(SecretHashes.bcrypt(user.passwordHash(), "user " + name))
                .authorities(user.roles().stream().map(role -> ROLE_AUTHORITY + role).toArray(String[]::new))
                .build()));
        return new InMemoryUserDetailsManager(users);
    }

    /** The roles of a person signed in here, for the ID token. */
    static List<String> rolesOf(Authentication principal) {
        return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_AUTHORITY))
                .map(authority -> authority.substring(ROLE_AUTHORITY.length()))
                .sorted()
                .toList();
    }
}
