package org.inspectorate.sharing;

import java.io.IOException;

import org.inspectorate.organisation.Actor;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.XlsxExport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Pages of what a grant lets another department read (授权访问): the grant with what it covers, the lists and the
 * records of each type it includes (every read audited and shown to the operator), and the administration's
 * packaged export of a request it provides itself. Outside the grant, after its end date or after revocation: 404.
 */
@Controller
class GrantPages {

    private static final int PAGE_SIZE = 20;

    private final SharedData shared;
    private final SharedPackage packages;

    GrantPages(SharedData shared, SharedPackage packages) {
        this.shared = shared;
        this.packages = packages;
    }

    @GetMapping("/grants/{id}")
    String grant(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        return "sharing/grant";
    }

    @GetMapping("/grants/{id}/findings")
    String findings(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("findings", shared.findings(actor, id, new PageRequest(page, PAGE_SIZE, null, false)));
        return "sharing/grant-findings";
    }

    @GetMapping("/grants/{id}/findings/{findingId}")
    String finding(Actor actor, @PathVariable long id, @PathVariable long findingId, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("finding", shared.finding(actor, id, findingId));
        return "sharing/grant-finding";
    }

    @GetMapping("/grants/{id}/units")
    String units(Actor actor, @PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("units", shared.units(actor, id, new PageRequest(page, PAGE_SIZE, null, false)));
        return "sharing/grant-units";
    }

    @GetMapping("/grants/{id}/units/{unitId}")
    String unit(Actor actor, @PathVariable long id, @PathVariable long unitId, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("unit", shared.unit(actor, id, unitId));
        return "sharing/grant-unit";
    }

    @GetMapping("/grants/{id}/reports")
    String reports(Actor actor, @PathVariable long id, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("reports", shared.reports(actor, id));
        return "sharing/grant-reports";
    }

    @GetMapping("/grants/{id}/reports/{reportId}")
    String report(Actor actor, @PathVariable long id, @PathVariable long reportId, Model model) {
        model.addAttribute("grant", shared.grant(actor, id));
        model.addAttribute("report", shared.report(actor, id, reportId));
        return "sharing/grant-report";
    }

    /** The packaged export of a PROVIDED request, for the deciding administration (watermarked, audited). */
    @GetMapping("/data-requests/{id}/package.xlsx")
    void packaged(Actor actor, @PathVariable long id, HttpServletResponse response) throws IOException {
        byte[] body = Packages.render(packages, actor, id, LocaleContextHolder.getLocale());
        response.setContentType(XlsxExport.MEDIA_TYPE.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("data-request-" + id + ".xlsx").build().toString());
        response.getOutputStream().write(body);
    }
}
