package org.accord.gateway.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The embedded authorization server's sign-in page, in the console's style. */
@Controller
@ConditionalOnProperty(name = "accord.security.embedded-authorization-server", havingValue = "true")
class AuthorizationServerLoginController {

    @GetMapping(DemoUsers.LOGIN_PAGE)
    String signIn() {
        return "console/sign-in";
    }
}
