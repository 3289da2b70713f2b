package org.accord.gateway.intake;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.accord.gateway.web.ApiProblemException;
import org.springframework.http.MediaType;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** What every JSON intake endpoint checks of a request before it reads the JSON (its type and its size), and how it reads it. */
final class RequestBody {

    private RequestBody() {
    }

    /** The application's mapper made strict for intake: a duplicated member or anything after the JSON is refused. */
    static JsonMapper strict(JsonMapper json) {
        return json.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    }

    /** Whether the content type is JSON (an unparseable type is not). */
    static boolean isJson(String contentType) {
        try {
            MediaType type = contentType == null ? null : MediaType.parseMediaType(contentType);
            return type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type) && !type.isWildcardSubtype();
        }
        catch (RuntimeException e) {
            // parseMediaType wraps an unparseable type in InvalidMediaTypeException: still a 415, not a 500.
            return false;
        }
    }

    /** The body, read to at most {@code limit} bytes; {@code tooLarge} is thrown for a longer one, declared or sent. */
    static byte[] readBounded(HttpServletRequest request, int limit, Supplier<ApiProblemException> tooLarge) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw tooLarge.get();
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw tooLarge.get();
            }
            return body;
        }
    }
}
