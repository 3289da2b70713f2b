package org.accord.gateway.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The embedded authorization server's demo console users. Their passwords are made at first start and kept in
 * {@code <data-dir>/demo/users.properties}, readable by the owner only; only the file's location is logged.
 */
public final class DemoUsers {

    static final String LOGIN_PAGE = "/login";
    private static final String ROLE_AUTHORITY = "CONSOLE_";

    private final DemoClients passwords;
    private final Map<String, List<String>> roles;

    private DemoUsers(DemoClients passwords, Map<String, List<String>> roles) {
        this.passwords = passwords;
        this.roles = Map.copyOf(roles);
    }

    public static DemoUsers ensure(Path file, Map<String, List<String>> roles) {
        return new DemoUsers(DemoClients.ensure(file, roles.keySet(), "DEMO console user passwords"), roles);
    }

    public Path file() {
        return passwords.file();
    }

    public String passwordOf(String user) {
        return passwords.secretOf(user);
    }

    InMemoryUserDetailsManager userDetails() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        List<UserDetails> users = new ArrayList<>();
        // Authorities named CONSOLE_* rather than ROLE_*: a session signed in to the authorization server alone
        // must not pass the console's role checks, which only OIDC sign-in grants.
        roles.forEach((name, granted) -> users.add(User.withUsername(name).password(encoder.encode(passwords.secretOf(name)))
                .authorities(granted.stream().map(r -> ROLE_AUTHORITY + r).toArray(String[]::new)).build()));
        return new InMemoryUserDetailsManager(users);
    }

    /** The console roles of a user signed in to the authorization server, for the ID token. */
    static List<String> rolesOf(Authentication principal) {
        return principal.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(ROLE_AUTHORITY)).map(a -> a.substring(ROLE_AUTHORITY.length())).sorted().toList();
    }
}
