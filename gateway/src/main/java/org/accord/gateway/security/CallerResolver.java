package org.accord.gateway.security;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.uuid.Generators;
import org.accord.gateway.web.ApiProblemException;
import org.accord.gateway.web.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a {@link Caller} controller argument from the bearer token. A client that is not mapped to an
 * organisation is refused with {@code UNKNOWN_CLIENT}: a valid token alone does not make a party.
 */
@Component
public final class CallerResolver implements HandlerMethodArgumentResolver {

    private static final Logger log = LoggerFactory.getLogger(CallerResolver.class);

    private final SecurityProperties properties;
    private final ApplicationEventPublisher events;

    public CallerResolver(SecurityProperties properties, ApplicationEventPublisher events) {
        this.properties = properties;
        this.events = events;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType());
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return current();
    }

    /** The caller of the current request; fails with {@code UNKNOWN_CLIENT} for an unmapped client. */
    public Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
            throw new ApiProblemException(ProblemCode.UNAUTHENTICATED, null);
        }
        String clientId = clientId(jwt);
        String organisation = clientId == null ? null : properties.clients().get(clientId);
        if (organisation == null) {
            String refusalId = Generators.timeBasedEpochGenerator().generate().toString();
            String actor = clientId == null ? "client:unnamed" : TokenEndpointGuard.bounded(clientId);
            log.warn("Refused request from unmapped client code=UNKNOWN_CLIENT client={} refusal={}", actor, refusalId);
            events.publishEvent(new RequestRefused(refusalId, ProblemCode.UNKNOWN_CLIENT.name(), actor, null,
                    "API request from a client not mapped to an organisation"));
            throw new ApiProblemException(ProblemCode.UNKNOWN_CLIENT, "This client is not registered with the gateway.",
                    Map.of("refusalId", refusalId));
        }
        Set<String> scopes = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("SCOPE_"))
                .map(a -> a.substring("SCOPE_".length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(clientId, organisation, scopes);
    }

    static String clientId(Jwt jwt) {
        for (String claim : new String[] {"client_id", "azp"}) {
            String value = jwt.getClaimAsString(claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return jwt.getSubject();
    }
}
