package org.accord.gateway.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Console errors as pages rather than the API's problem documents; unexpected ones logged by class and origin only. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        return page(HttpStatus.valueOf(e.getStatusCode().value()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        StackTraceElement origin = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        log.error("Unhandled error in console request: {} at {}", e.getClass().getName(), origin);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView view = new ModelAndView("console/error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("title", status == HttpStatus.NOT_FOUND ? "Page not found" : "Sorry, there is a problem with the console");
        return view;
    }
}
