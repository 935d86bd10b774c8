package org.inspectorate.organisation;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/** The organisation directory's pages (单位名录): list, detail, and registration by the system administrator. */
@Controller
@PreAuthorize(OrganisationPages.DIRECTORY_ROLES)
class OrganisationPages {

    /** Who may open the directory; the same list decides whether the navigation shows it. */
    static final String DIRECTORY_ROLES = "hasAnyRole('MINISTRY_OFFICER','PROVINCIAL_OFFICER','OPERATOR_ADMIN',"
            + "'OPERATOR_STAFF','SYSTEM_ADMIN','SECURITY_ADMIN')";

    /** The fields of the registration form; a problem with any other is shown with the form as a whole. */
    static final Set<String> FORM_FIELDS = Set.of("type", "name", "creditCode", "provinceCode", "licenceNumber",
            "parentId", "contactName", "contactPhone");

    private final Organisations organisations;
    private final PageActions pageActions;

    OrganisationPages(Organisations organisations, PageActions pageActions) {
        this.organisations = organisations;
        this.pageActions = pageActions;
    }

    @GetMapping("/organisations")
    String list(Actor actor, @RequestParam(required = false) String q, @RequestParam(required = false) String type,
            @RequestParam(required = false) String province, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size, @RequestParam(required = false) String after,
            @RequestHeader(value = "HX-Request", required = false) String htmx,
            @RequestHeader(value = "HX-History-Restore-Request", required = false) String historyRestore,
            HttpServletResponse response, Model model) {
        OrganisationType typeFilter = parse(OrganisationType.class, type);
        Province provinceFilter = province == null ? null : Province.ofCode(province.strip()).orElse(null);
        PageRequest pageRequest = Paging.request(page, size, sort, dir, "name", after);
        PageResult<Organisation> results = organisations.search(actor,
                new OrganisationQuery(q, typeFilter, provinceFilter), pageRequest);
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", q);
        filters.put("type", typeFilter == null ? null : typeFilter.name());
        filters.put("province", provinceFilter == null ? null : provinceFilter.code());
        filters.put("size", size == 20 ? null : Integer.toString(pageRequest.size()));
        model.addAttribute("results", results);
        model.addAttribute("links", new ListLinks("/organisations", filters, pageRequest));
        model.addAttribute("q", q);
        model.addAttribute("type", typeFilter);
        model.addAttribute("province", provinceFilter);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("mayRegister", OrganisationAccess.mayRegisterOrganisations(actor));
        response.addHeader("Vary", "HX-Request");
        return htmx != null && historyRestore == null ? "organisation/organisations :: results"
                : "organisation/organisations";
    }

    @GetMapping("/organisations/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        Organisation organisation = organisations.get(actor, id);
        Optional<Organisation> parent = organisation.parentId() == null ? Optional.empty()
                : organisations.find(actor, organisation.parentId());
        model.addAttribute("organisation", organisation);
        model.addAttribute("parent", parent.orElse(null));
        model.addAttribute("subsidiaries", organisation.type() == OrganisationType.BASIC_TELECOM_GROUP
                ? organisations.search(actor, OrganisationQuery.subsidiariesOf(id),
                        new PageRequest(0, PageRequest.MAX_SIZE, "name", true)).items()
                : List.of());
        model.addAttribute("mayListAccounts", OrganisationAccess.mayManageAccounts(actor));
        return "organisation/organisation";
    }

    @GetMapping("/organisations/new")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String registerForm(Actor actor, Model model) {
        return form(actor, model, new OrganisationInput(null, null, null, null, null, null, null, null));
    }

    @PostMapping("/organisations")
    @PreAuthorize("hasRole('SYSTEM_ADMIN')")
    String register(Actor actor, @ModelAttribute("form") OrganisationInput form, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return pageActions.form(model, FORM_FIELDS, () -> {
            Organisation registered = organisations.register(actor, form);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/organisations/" + registered.id();
        }, () -> {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(actor, model, form);
        });
    }

    private String form(Actor actor, Model model, OrganisationInput form) {
        model.addAttribute("form", form);
        model.addAttribute("types", OrganisationType.values());
        model.addAttribute("provinces", Province.values());
        model.addAttribute("groups", organisations.groupCompanies(actor));
        return "organisation/organisation-form";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(value.strip())).findFirst()
                .orElse(null);
    }
}
