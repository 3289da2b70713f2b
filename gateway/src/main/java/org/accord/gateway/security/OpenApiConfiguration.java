package org.accord.gateway.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at {@code /v3/api-docs}: every API call needs an OAuth2 client-credentials token. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI accordOpenApi() {
        SecurityScheme oauth2 = new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("OAuth2 client credentials. The organisation a client acts for comes from the gateway's "
                        + "configuration, never from a request.")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl("/oauth2/token").scopes(new Scopes()
                        .addString("submit:prevent-referral", "Submit Prevent referrals (one scope per record type)")
                        .addString("transfers:read", "Read the status of the caller's own transfers")
                        .addString("mailbox", "List, download and acknowledge messages addressed to the caller")
                        .addString("inbox", "List, fetch and acknowledge records that arrived at the caller's unit")
                        .addString("audit:read", "Read the transfer log (data protection officer)")
                        .addString("agreements:read", "Read agreements and dry-run a record against them"))));
        return new OpenAPI()
                .info(new Info().title("Accord gateway API").version("v1")
                        .description("Secure information sharing for safeguarding in UK higher education. Errors are RFC 9457 "
                                + "problem details with a stable `code`.")
                        .license(new License().name("Proprietary")))
                .components(new Components().addSecuritySchemes("oauth2", oauth2))
                .addSecurityItem(new SecurityRequirement().addList("oauth2"));
    }
}
