package org.inspectorate.organisation;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second sign-in factor: entering the TOTP code ({@code /mfa}), and enrolling an authenticator app
 * ({@code /mfa/enrol}) at sign-in or, by choice, from the account page.
 */
@Controller
class MfaController {

    private final SignInService signIn;
    private final SignInFlow flow;

    MfaController(SignInService signIn, SignInFlow flow) {
        this.signIn = signIn;
        this.flow = flow;
    }

    @GetMapping("/mfa")
    String codeForm(Model model) {
        long userId = SignInFlow.currentPrincipal().actor().userId();
        if (!signIn.credentials(userId).mfaEnrolled()) {
            return "redirect:/mfa/enrol";
        }
        return "organisation/mfa";
    }

    @PostMapping("/mfa")
    String verify(@RequestParam(name = "code", required = false) String code, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        SignInService.MfaOutcome outcome = signIn.verify(principal.actor().userId(), code);
        return after(outcome, principal, "organisation/mfa", model, request, response);
    }

    @GetMapping("/mfa/enrol")
    String enrolForm(Model model) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        if (signIn.credentials(principal.actor().userId()).mfaEnrolled()) {
            return pendingNow() ? "redirect:/mfa" : "redirect:/account";
        }
        return enrolPage(principal, model);
    }

    @PostMapping("/mfa/enrol")
    String confirm(@RequestParam(name = "code", required = false) String code, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        boolean pending = pendingNow();
        SignInService.MfaOutcome outcome = signIn.confirmEnrolment(principal.actor().userId(), code);
        if (!pending && outcome.accepted()) {
            // Enrolled by choice from the account page: already signed in.
            redirect.addFlashAttribute("notice", "mfa.enrolled");
            return "redirect:/account";
        }
        if (!outcome.accepted() && outcome.result() != SignInService.MfaOutcome.Result.LOCKED) {
            enrolPage(principal, model);
        }
        return after(outcome, principal, "organisation/mfa-enrol", model, request, response);
    }

    /** Demo mode only; the service refuses it anywhere else. */
    @PostMapping("/mfa/skip")
    String skip(HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        Stage next = signIn.skipEnrolment(principal.actor().userId());
        return "redirect:" + flow.moveTo(next, principal, request, response);
    }

    private String after(SignInService.MfaOutcome outcome, AccountPrincipal principal, String view, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        if (outcome.accepted()) {
            return "redirect:" + flow.moveTo(outcome.next(), principal, request, response);
        }
        if (outcome.result() == SignInService.MfaOutcome.Result.LOCKED) {
            return "redirect:" + flow.signOutLocked(request, response);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("codeError", "mfa.code.wrong");
        return view;
    }

    private String enrolPage(AccountPrincipal principal, Model model) {
        long userId = principal.actor().userId();
        model.addAttribute("enrolment", signIn.enrolment(userId));
        model.addAttribute("skipAllowed", pendingNow() && signIn.mayskipEnrolment(userId));
        model.addAttribute("pending", pendingNow());
        return "organisation/mfa-enrol";
    }

    private static boolean pendingNow() {
        return SignInFlow.stageOf(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()) == Stage.MFA_PENDING;
    }
}
