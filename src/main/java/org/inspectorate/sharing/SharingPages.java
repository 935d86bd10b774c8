package org.inspectorate.sharing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.inspectorate.finding.Category;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.Actor;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.PageActions;
import org.inspectorate.system.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of data requests (数据调取申请): the sharing home (another department's requests and grants, an operator's
 * requests about it with who read what, an administration's decisions), the request form, a request's page with its
 * decision, revocation and access log.
 */
@Controller
class SharingPages {

    private static final int PAGE_SIZE = 20;
    private static final Set<String> FORM_FIELDS = Set.of("operatorCreditCode", "purpose", "legalBasis", "records",
            "categories", "severities", "periodFrom", "periodTo", "accessUntil", "outsideRequester");

    private final DataRequests requests;
    private final SharedData shared;
    private final PageActions pageActions;

    SharingPages(DataRequests requests, SharedData shared, PageActions pageActions) {
        this.requests = requests;
        this.shared = shared;
        this.pageActions = pageActions;
    }

    /** The sharing home: what the actor asked, was granted, must decide, or was asked about. */
    @GetMapping("/sharing")
    String home(Actor actor, @RequestParam(defaultValue = "0") int page, Model model) {
        DataRequests.Capabilities can = requests.capabilities(actor);
        model.addAttribute("can", can);
        model.addAttribute("requests", requests.list(actor, new PageRequest(page, PAGE_SIZE, null, false)));
        model.addAttribute("grants", shared.grants(actor, PageRequest.first(50)));
        model.addAttribute("awaiting", requests.awaitingDecision(actor, PageRequest.first(50)));
        return "sharing/home";
    }

    @GetMapping("/data-requests/new")
    String form(Actor actor, Model model) {
        requests.requireAsker(actor);
        return fillForm(actor, DataRequestForm.empty(), model);
    }

    @PostMapping("/data-requests")
    String create(Actor actor, @ModelAttribute("form") DataRequestForm form,
            @RequestParam(defaultValue = "false") boolean draft, Model model) {
        return pageActions.form(model, FORM_FIELDS, () -> {
            DataRequestInput input = form.toInput();
            DataRequestView made = requests.capabilities(actor).request() ? requests.request(actor, input, draft)
                    : requests.record(actor, input);
            return "redirect:/data-requests/" + made.id();
        }, () -> fillForm(actor, form, model));
    }

    private String fillForm(Actor actor, DataRequestForm form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("can", requests.capabilities(actor));
        model.addAttribute("recordTypes", List.of(RecordType.values()));
        model.addAttribute("categories", List.of(Category.values()));
        model.addAttribute("severities", List.of(Severity.values()));
        return "sharing/form";
    }

    @GetMapping("/data-requests/{id}")
    String detail(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        DataRequestView request = requests.get(actor, id);
        model.addAttribute("request", request);
        model.addAttribute("buttons", requests.buttons(actor, id));
        model.addAttribute("accesses", requests.accesses(actor, id, new PageRequest(page, PAGE_SIZE, null, false)));
        model.addAttribute("recordTypes", List.of(RecordType.values()));
        model.addAttribute("categories", List.of(Category.values()));
        model.addAttribute("severities", List.of(Severity.values()));
        return "sharing/detail";
    }

    @PostMapping("/data-requests/{id}/submit")
    String submit(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> requests.submit(actor, id),
                "sharing.done.submitted");
    }

    @PostMapping("/data-requests/{id}/approve")
    String approve(Actor actor, @PathVariable long id, @RequestParam(required = false) List<String> records,
            @RequestParam(required = false) List<String> categories,
            @RequestParam(required = false) List<String> severities,
            @RequestParam(required = false) String grantedUntil, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> {
            List<FieldProblem> problems = new ArrayList<>();
            var until = DataRequestForm.date(grantedUntil, "grantedUntil", problems);
            DataRequestValidation.check(problems);
            requests.approve(actor, id, DataRequestForm.toScope(orEmpty(records), orEmpty(categories),
                    orEmpty(severities)), until);
        }, "sharing.done.approved");
    }

    @PostMapping("/data-requests/{id}/refuse")
    String refuse(Actor actor, @PathVariable long id, @RequestParam(required = false) String reasons,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> requests.refuse(actor, id, reasons),
                "sharing.done.refused");
    }

    @PostMapping("/data-requests/{id}/provide")
    String provide(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> requests.provide(actor, id),
                "sharing.done.provided");
    }

    @PostMapping("/data-requests/{id}/revoke")
    String revoke(Actor actor, @PathVariable long id, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> requests.revoke(actor, id, reason),
                "sharing.done.revoked");
    }

    @PostMapping("/data-requests/{id}/shared")
    String markShared(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        return pageActions.act(redirect, "/data-requests/" + id, () -> requests.markShared(actor, id),
                "sharing.done.shared");
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }
}
