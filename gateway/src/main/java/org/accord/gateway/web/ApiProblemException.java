package org.accord.gateway.web;

import java.util.List;
import java.util.Map;

/**
 * Thrown by controllers to answer with a problem response. The detail must never contain personal data:
 * it is shown to the caller and may be logged.
 */
public final class ApiProblemException extends RuntimeException {

    private final ProblemCode code;
    private final Map<String, Object> properties;

    public ApiProblemException(ProblemCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ApiProblemException(ProblemCode code, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    public static ApiProblemException withViolations(ProblemCode code, String detail, List<?> violations) {
        return new ApiProblemException(code, detail, Map.of("violations", violations));
    }

    public ProblemCode code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
