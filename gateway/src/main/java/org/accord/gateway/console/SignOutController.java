package org.accord.gateway.console;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The pages a browser lands on after signing out, or when the identity provider did not sign it in. */
@Controller
class SignOutController {

    @GetMapping("/console/signed-out")
    String signedOut(Model model) {
        model.addAttribute("failed", false);
        return "console/signed-out";
    }

    @GetMapping("/console/sign-in-failed")
    String failed(Model model) {
        model.addAttribute("failed", true);
        return "console/signed-out";
    }
}
