package org.accord.gateway.console;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page shows about the signed-in person. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute("reader")
    Reader reader(Authentication authentication) {
        if (authentication == null) {
            return new Reader(null, false);
        }
        boolean dpo = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_DPO"));
        return new Reader(authentication.getName(), dpo);
    }

    /** The signed-in person and whether they hold the DPO role (subject searches). */
    record Reader(String name, boolean dpo) {
    }
}
