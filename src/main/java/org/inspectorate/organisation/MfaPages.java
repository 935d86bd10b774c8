package org.inspectorate.organisation;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.organisation.SignInPolicy.Stage;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second sign-in factor: entering the TOTP code ({@code /mfa}), and enrolling an authenticator app
 * ({@code /mfa/enrol}) at sign-in or, by choice, from the account page.
 */
@Controller
class MfaPages {

    private final SignInService signIn;
    private final SignInFlow flow;
    private final MessageSource messages;

    MfaPages(SignInService signIn, SignInFlow flow, MessageSource messages) {
        this.signIn = signIn;
        this.flow = flow;
        this.messages = messages;
    }

    @GetMapping("/mfa")
    String codeForm(Model model) {
        long userId = SignInFlow.currentPrincipal().actor().userId();
        if (!signIn.credentials(userId).mfaEnrolled()) {
            return "redirect:/mfa/enrol";
        }
        return "organisation/mfa";
    }

    /** The TOTP code, or (from the form under "lost your device?") one recovery code in its place. */
    @PostMapping("/mfa")
    String verify(@RequestParam(name = "code", required = false) String code,
            @RequestParam(name = "recoveryCode", required = false) String recoveryCode, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        long userId = principal.actor().userId();
        if (recoveryCode != null) {
            SignInService.MfaOutcome outcome = signIn.verifyRecoveryCode(userId, recoveryCode);
            if (!outcome.accepted() && outcome.result() != SignInService.MfaOutcome.Result.THROTTLED) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                model.addAttribute("recoveryError", "mfa.recovery.wrong");
                return "organisation/mfa";
            }
            return after(outcome, principal, "organisation/mfa", model, request, response);
        }
        SignInService.MfaOutcome outcome = signIn.verify(userId, code);
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
    String confirm(@RequestParam(name = "code", required = false) String code, Model model, Locale locale,
            HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        boolean pending = pendingNow();
        SignInService.MfaOutcome outcome = signIn.confirmEnrolment(principal.actor().userId(), code);
        if (outcome.accepted()) {
            // Enrolled by choice from the account page, the user is already signed in; else the next stage begins.
            String next = pending ? flow.moveTo(outcome.next(), principal, request, response) : "/account";
            model.addAttribute("notice", "mfa.enrolled");
            return recoveryCodesPage(outcome.recoveryCodes(), principal, next, model, messages, locale);
        }
        if (!outcome.accepted() && outcome.result() != SignInService.MfaOutcome.Result.THROTTLED) {
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
        if (outcome.result() == SignInService.MfaOutcome.Result.THROTTLED) {
            return "redirect:" + flow.signOutThrottled(request, response);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("codeError", "mfa.code.wrong");
        return view;
    }

    /**
     * The new recovery codes, shown once in the answer to the POST that made them (never kept in the session),
     * with a text file of them to download and the way on.
     */
    static String recoveryCodesPage(List<String> codes, AccountPrincipal principal, String next, Model model,
            MessageSource messages, Locale locale) {
        String heading = messages.getMessage("mfa.recovery.file.heading",
                new Object[] {principal.actor().username()}, locale);
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("recoveryCodesFile", recoveryCodesFile(heading, codes));
        model.addAttribute("next", next);
        return "organisation/mfa-recovery-codes";
    }

    /** The codes as a text file in a {@code data:} URI, for a download link that needs no second request. */
    static String recoveryCodesFile(String heading, List<String> codes) {
        String text = heading + "\r\n\r\n" + String.join("\r\n", codes) + "\r\n";
        return "data:text/plain;charset=utf-8,"
                + URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String enrolPage(AccountPrincipal principal, Model model) {
        long userId = principal.actor().userId();
        model.addAttribute("enrolment", signIn.enrolment(userId));
        model.addAttribute("skipAllowed", pendingNow() && signIn.mayskipEnrolment(userId));
        model.addAttribute("pending", pendingNow());
        return "organisation/mfa-enrol";
    }

    private static boolean pendingNow() {
        return SignInFlow.stageOf(SecurityContextHolder.getContext()
                .getAuthentication()) == Stage.MFA_PENDING;
    }
}
