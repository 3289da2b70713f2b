package org.accord.gateway.security;

import java.util.Set;

/**
 * The authenticated caller of an API request: the OAuth2 client, the organisation it acts for (from
 * configuration, never from the request body) and the scopes its token carries.
 */
public record Caller(String clientId, String organisation, Set<String> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }
}
