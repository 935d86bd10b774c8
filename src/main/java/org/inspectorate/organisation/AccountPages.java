package org.inspectorate.organisation;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.system.PageActions;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: its facts, the second factor, password change, personal API tokens. */
@Controller
class AccountPages {

    /** The fields of the token form; a problem with any other is shown with the form as a whole. */
    private static final Set<String> TOKEN_FIELDS = Set.of("name", "validityDays");
    /** The fields of the password form, likewise. */
    private static final Set<String> PASSWORD_FIELDS = Set.of("currentPassword", "newPassword", "confirmPassword");

    private final SignInService signIn;
    private final ApiTokens tokens;
    private final OrganisationRepository organisations;
    private final SignInFlow flow;
    private final SignInThrottling throttling;
    private final MessageSource messages;
    private final PageActions pageActions;

    AccountPages(SignInService signIn, ApiTokens tokens, OrganisationRepository organisations, SignInFlow flow,
            SignInThrottling throttling, MessageSource messages, PageActions pageActions) {
        this.throttling = throttling;
        this.signIn = signIn;
        this.tokens = tokens;
        this.organisations = organisations;
        this.flow = flow;
        this.messages = messages;
        this.pageActions = pageActions;
    }

    @GetMapping("/account")
    String account(Actor actor, Model model) {
        return accountPage(actor, model, new ApiTokens.NewToken("", tokens.defaultValidityDays()));
    }

    @PostMapping("/account/tokens")
    String createToken(Actor actor, @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "validityDays", required = false) String validityDays, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ApiTokens.NewToken form = new ApiTokens.NewToken(name, parseDays(validityDays));
        return pageActions.form(model, TOKEN_FIELDS, () -> {
            ApiTokens.CreatedToken created = tokens.create(actor, form);
            redirect.addFlashAttribute("createdToken", created);
            return "redirect:/account";
        }, () -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("rawValidityDays", validityDays);
            return accountPage(actor, model, form);
        });
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(Actor actor, @PathVariable("id") long id, RedirectAttributes redirect) {
        // A token revoked already is a conflict, answered by the 409 page as before (not a flash on the account).
        tokens.revoke(actor, id);
        redirect.addFlashAttribute(PageActions.DONE, "apitoken.revoked");
        redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[0]);
        return "redirect:/account";
    }

    /** New recovery codes in place of the old ones, on the current TOTP code; shown once, in this answer. */
    @PostMapping("/account/recovery-codes")
    String regenerateRecoveryCodes(Actor actor, @RequestParam(name = "code", required = false) String code,
            Model model, Locale locale, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        SignInService.MfaOutcome outcome = signIn.regenerateRecoveryCodes(actor.userId(), code);
        if (outcome.accepted()) {
            return MfaPages.recoveryCodesPage(outcome.recoveryCodes(), principal, "/account", model, messages,
                    locale);
        }
        if (outcome.result() == SignInService.MfaOutcome.Result.THROTTLED) {
            return "redirect:" + flow.signOutThrottled(request, response);
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("recoveryError", "mfa.code.wrong");
        return accountPage(actor, model, new ApiTokens.NewToken("", tokens.defaultValidityDays()));
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("forced", forced());
        return "organisation/account-password";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(name = "currentPassword", required = false) String currentPassword,
            @RequestParam(name = "newPassword", required = false) String newPassword,
            @RequestParam(name = "confirmPassword", required = false) String confirmPassword, Model model,
            RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
        AccountPrincipal principal = SignInFlow.currentPrincipal();
        return pageActions.form(model, PASSWORD_FIELDS, () -> {
            signIn.changePassword(principal.actor().userId(),
                    new SignInService.PasswordChange(currentPassword, newPassword, confirmPassword));
            redirect.addFlashAttribute(PageActions.DONE, "password.changed");
            redirect.addFlashAttribute(PageActions.DONE_ARGS, new Object[0]);
            if (forced()) {
                return "redirect:" + flow.moveTo(SignInPolicy.Stage.COMPLETE, principal, request, response);
            }
            return "redirect:/account";
        }, () -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("forced", forced());
            return "organisation/account-password";
        });
    }

    private String accountPage(Actor actor, Model model, ApiTokens.NewToken form) {
        UserAccount account = signIn.credentials(actor.userId()).account();
        model.addAttribute("account", account);
        model.addAttribute("organisation", organisations.findUnscoped(account.organisationId()).orElse(null));
        model.addAttribute("mfaRequired", SignInPolicy.mfaRequired(account.roles(), account.mfaEnrolled()));
        model.addAttribute("recoveryCodesLeft", account.mfaEnrolled() ? signIn.recoveryCodesLeft(actor.userId()) : 0);
        model.addAttribute("tokens", tokens.list(actor));
        // the owner is told of failed sign-ins on their account; showing them here is telling
        model.addAttribute("unseenFailures", throttling.unseenFailures(actor.userId()));
        model.addAttribute("signInFailures", throttling.recentFailures(actor.userId(), true));
        model.addAttribute("tokenForm", form);
        model.addAttribute("maxValidityDays", ApiTokenPolicy.MAX_VALIDITY_DAYS);
        return "organisation/account";
    }

    /** A number of days, or -1 (refused by the service) when the field is not a number. */
    private static Integer parseDays(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean forced() {
        return SignInFlow.stageOf(SecurityContextHolder.getContext().getAuthentication())
                == SignInPolicy.Stage.PASSWORD_CHANGE_REQUIRED;
    }
}
