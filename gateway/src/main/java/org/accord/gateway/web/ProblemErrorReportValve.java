package org.accord.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it, such as a path with an encoded
 * NUL) as RFC 9457 problems with a stable code, instead of Tomcat's HTML error page: every answer of the gateway is
 * then a problem a client can read, and none names the server.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        ProblemCode code = codeFor(status);
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"https://accord.example/problems/" + code.name().toLowerCase().replace('_', '-')
                        + "\",\"title\":\"" + code.title() + "\",\"status\":" + status + ",\"code\":\"" + code.name() + "\"}");
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException e) {
            // The client went away or the response was committed meanwhile: nothing more can be sent.
        }
    }

    static ProblemCode codeFor(int status) {
        return switch (status) {
            case 401 -> ProblemCode.UNAUTHENTICATED;
            case 404 -> ProblemCode.NOT_FOUND;
            case 405 -> ProblemCode.METHOD_NOT_ALLOWED;
            case 406 -> ProblemCode.NOT_ACCEPTABLE;
            case 413 -> ProblemCode.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ProblemCode.INTERNAL_ERROR : ProblemCode.INVALID_PARAMETER;
        };
    }

    /** Installs the valve on the embedded Tomcat's host, in place of the stock HTML error report. */
    @Configuration(proxyBeanMethods = false)
    static class Installation {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
