package org.inspectorate.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page (the signed-in user's home is the report module's). */
@Controller
class SignInPages {

    @GetMapping("/login")
    String login() {
        return "organisation/login";
    }
}
