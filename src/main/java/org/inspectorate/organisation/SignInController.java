package org.inspectorate.organisation;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the signed-in user's home. */
@Controller
class SignInController {

    @GetMapping("/login")
    String login() {
        return "organisation/login";
    }

    @GetMapping("/")
    String home(Actor actor, org.springframework.ui.Model model) {
        model.addAttribute("actor", actor);
        return "home";
    }
}
