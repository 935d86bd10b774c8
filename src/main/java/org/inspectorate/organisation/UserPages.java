package org.inspectorate.organisation;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account administration pages (用户管理): the list, a new account, and one account's detail with
 * its roles (security administrator) and its enabled state (system administrator).
 */
@Controller
@PreAuthorize(UserPages.ACCOUNT_ROLES)
class UserPages {

    /** Who may open account administration; the same list decides whether the navigation shows it. */
    static final String ACCOUNT_ROLES = "hasAnyRole('SYSTEM_ADMIN','SECURITY_ADMIN','OPERATOR_ADMIN')";

    /** The fields of the new-account form; a problem with any other is shown with the form as a whole. */
    static final Set<String> FORM_FIELDS = Set.of("username", "displayName", "organisationId", "initialPassword");

    private final UserAccounts accounts;
    private final PageActions pageActions;
    private final Clock clock;

    UserPages(UserAccounts accounts, PageActions pageActions, Clock clock) {
        this.accounts = accounts;
        this.pageActions = pageActions;
        this.clock = clock;
    }

    @GetMapping("/users")
    String list(Actor actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long organisation, @RequestParam(required = false) String role,
            @RequestParam(required = false) String status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpServletResponse response, Model model) {
        Role roleFilter = OrganisationPages.parse(Role.class, role);
        Boolean enabled = "enabled".equals(status) ? Boolean.TRUE : "disabled".equals(status) ? Boolean.FALSE : null;
        PageRequest pageRequest = Paging.request(page, size, sort, dir, "username");
        PageResult<AccountSummary> results = accounts.search(actor,
                new UserQuery(q, organisation, roleFilter, enabled), pageRequest);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("organisation", organisation == null ? null : organisation.toString());
        filters.put("role", roleFilter == null ? null : roleFilter.name());
        filters.put("status", enabled == null ? null : status);
        filters.put("size", size == 20 ? null : Integer.toString(pageRequest.size()));
        model.addAttribute("results", results);
        model.addAttribute("links", new ListLinks("/users", filters, pageRequest));
        model.addAttribute("q", q);
        model.addAttribute("organisation", organisation);
        model.addAttribute("role", roleFilter);
        model.addAttribute("status", enabled == null ? null : status);
        model.addAttribute("roles", Role.values());
        model.addAttribute("mayCreate", OrganisationAccess.mayCreateAccounts(actor));
        model.addAttribute("now", clock.instant());
        response.addHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "organisation/users :: results" : "organisation/users";
    }

    @GetMapping("/users/new")
    String newForm(Actor actor, Model model) {
        return form(actor, model, new AccountInput(null, null, null, null));
    }

    @PostMapping("/users")
    String create(Actor actor, @ModelAttribute("form") AccountInput form, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        return pageActions.form(model, FORM_FIELDS, () -> {
            AccountSummary created = accounts.create(actor, form);
            redirect.addFlashAttribute("created", true);
            return "redirect:/users/" + created.account().id();
        }, () -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            // The password is never sent back to the browser.
            AccountInput kept = new AccountInput(form.username(), form.displayName(), form.organisationId(), null);
            return form(actor, model, kept);
        });
    }

    @GetMapping("/users/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        AccountSummary account = accounts.get(actor, id);
        return detail(actor, account, model);
    }

    @PostMapping("/users/{id}/roles")
    String changeRoles(Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> roles,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return pageActions.form(model, () -> {
            accounts.changeRoles(actor, id, roles == null ? List.of() : roles);
            redirect.addFlashAttribute("rolesChanged", true);
            return "redirect:/users/" + id;
        }, () -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("selectedRoles", roles == null ? List.of() : roles);
            return detail(actor, accounts.get(actor, id), model);
        });
    }

    @PostMapping("/users/{id}/enabled")
    String setEnabled(Actor actor, @PathVariable long id, @RequestParam boolean enabled,
            RedirectAttributes redirect) {
        accounts.setEnabled(actor, id, enabled);
        redirect.addFlashAttribute(enabled ? "enabledNow" : "disabledNow", true);
        return "redirect:/users/" + id;
    }

    @PostMapping("/users/{id}/mfa/reset")
    String resetMfa(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        accounts.resetMfa(actor, id);
        redirect.addFlashAttribute("mfaReset", true);
        return "redirect:/users/" + id;
    }

    private String detail(Actor actor, AccountSummary account, Model model) {
        model.addAttribute("user", account);
        model.addAttribute("permissions", accounts.permissions(actor, account));
        model.addAttribute("now", clock.instant());
        if (!model.containsAttribute("selectedRoles")) {
            model.addAttribute("selectedRoles", account.account().roles().stream().map(Role::name).toList());
        }
        return "organisation/user";
    }

    private String form(Actor actor, Model model, AccountInput form) {
        model.addAttribute("form", form);
        model.addAttribute("organisations", accounts.organisationsForNewAccounts(actor));
        model.addAttribute("staffOnly", !OrganisationAccess.createsAccountsAnywhere(actor));
        return "organisation/user-form";
    }
}
