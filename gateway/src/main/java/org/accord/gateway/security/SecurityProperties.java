package org.accord.gateway.security;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param embeddedAuthorizationServer whether this gateway issues its own tokens (the demo default)
 * @param clients OAuth2 client id to the organisation id it acts for; clients not listed are refused
 * @param demoClients demo client ids and their scopes, registered with the embedded authorization server
 */
@Validated
@ConfigurationProperties("accord.security")
public record SecurityProperties(boolean embeddedAuthorizationServer, Map<String, String> clients,
        Map<String, List<String>> demoClients) {

    public SecurityProperties {
        clients = clients == null ? Map.of() : Map.copyOf(clients);
        demoClients = demoClients == null ? Map.of() : Map.copyOf(demoClients);
    }
}
