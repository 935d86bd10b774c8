package org.inspectorate.organisation;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.inspectorate.system.PageRequest;
import org.inspectorate.system.PageResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation directory (单位名录): the module's public API. Every read is limited to the
 * actor's jurisdiction; what lies outside it is reported as not found.
 */
@Service
public class Organisations {

    /** A telephone number as people write it: digits, spaces, +, - and parentheses, e.g. 010-6820 8888. */
    private static final Pattern PHONE = Pattern.compile("^[0-9+()\\- ]{5,40}$");

    private final OrganisationRepository repository;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Organisations(OrganisationRepository repository, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.clock = clock;
    }

    /** The organisation, if the actor may see it; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Organisation get(Actor actor, long id) {
        return repository.find(id, directoryScope(actor)).orElseThrow(() -> new NotFoundException("organisation", id));
    }

    @Transactional(readOnly = true)
    public PageResult<Organisation> search(Actor actor, OrganisationQuery query, PageRequest page) {
        return repository.search(query, directoryScope(actor), page);
    }

    /**
     * The operators (网络运行单位) whose inspection data lies in the actor's jurisdiction — not the wider
     * directory an account administrator sees — for choosing whose data to work on.
     */
    @Transactional(readOnly = true)
    public PageResult<Organisation> operatorsInJurisdiction(Actor actor, String text, PageRequest page) {
        return repository.search(OrganisationQuery.operators(text), actor.jurisdiction(), page);
    }

    /** The operator, if its inspection data lies in the actor's jurisdiction; otherwise {@link NotFoundException}. */
    @Transactional(readOnly = true)
    public Organisation operatorInJurisdiction(Actor actor, long id) {
        return repository.find(id, actor.jurisdiction()).filter(o -> o.type().isOperator())
                .orElseThrow(() -> new NotFoundException("organisation", id));
    }

    /** The organisation if the actor may see it, else empty (to show a link only where it leads somewhere). */
    @Transactional(readOnly = true)
    public Optional<Organisation> find(Actor actor, long id) {
        return repository.find(id, directoryScope(actor));
    }

    /** The group companies (基础电信企业集团公司) the actor may see: the parents a subsidiary can name. */
    @Transactional(readOnly = true)
    public List<Organisation> groupCompanies(Actor actor) {
        return repository.search(new OrganisationQuery(null, OrganisationType.BASIC_TELECOM_GROUP, null),
                directoryScope(actor), new PageRequest(0, PageRequest.MAX_SIZE, "name", true)).items();
    }

    /** For rules and data loading: the organisation with this unified social credit code, unscoped. */
    @Transactional(readOnly = true)
    public Optional<Organisation> findByCreditCodeUnscoped(String creditCode) {
        return repository.findByCreditCode(CreditCode.normalise(creditCode));
    }

    /** Whether the directory holds no organisation at all (a fresh installation). */
    @Transactional(readOnly = true)
    public boolean directoryEmpty() {
        return repository.count() == 0;
    }

    /** For other modules' rules (routing a filing to its authority): no jurisdiction applied. */
    @Transactional(readOnly = true)
    public Optional<Organisation> findUnscoped(long id) {
        return repository.findUnscoped(id);
    }

    /** For other modules' rules (naming a draw's targets): names by id in a few queries; no jurisdiction applied. */
    @Transactional(readOnly = true)
    public Map<Long, String> namesUnscoped(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : repository.namesUnscoped(ids);
    }

    /**
     * For other modules' reports (the spot checks' progress): how many organisations of {@code type} each province
     * has, by province code; one grouped read of an index, no jurisdiction applied (numbers, no names).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> countByProvinceUnscoped(OrganisationType type) {
        return repository.countByProvince(type);
    }

    /** Registers an organisation; only the system administrator (系统管理员) may. */
    @Transactional
    public Organisation register(Actor actor, OrganisationInput input) {
        if (!OrganisationAccess.mayRegisterOrganisations(actor)) {
            throw new AccessDeniedException("only the system administrator registers organisations");
        }
        ValidOrganisation valid = validate(input);
        long id = repository.insert(valid, clock.instant());
        events.publishEvent(new OrganisationRegistered(id, valid.type(), valid.name()));
        return repository.findUnscoped(id).orElseThrow();
    }

    /**
     * Records which department (网信, 公安, other) another department's organisation is: the system administrator's
     * act, like registering. 404 for an organisation that is not another department's.
     */
    @Transactional
    public Organisation recordDepartmentKind(Actor actor, long id, DepartmentKind kind) {
        if (!OrganisationAccess.mayRegisterOrganisations(actor)) {
            throw new AccessDeniedException("only the system administrator registers organisations");
        }
        if (!repository.updateDepartmentKind(id, kind)) {
            throw new NotFoundException("other department", id);
        }
        return repository.findUnscoped(id).orElseThrow();
    }

    /** The communication administration of a province, or the Ministry bureau for none (the regulator's body). */
    public Optional<Organisation> administrationOfUnscoped(Province province) {
        return repository.administrationOf(province);
    }

    /**
     * The directory is reference data, not inspection results: account administrators see all of it
     * to manage accounts, everyone else their jurisdiction.
     */
    private Jurisdiction directoryScope(Actor actor) {
        if (OrganisationAccess.administersEveryAccount(actor)) {
            return new Jurisdiction.Nationwide();
        }
        return actor.jurisdiction();
    }

    ValidOrganisation validate(OrganisationInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        OrganisationType type = null;
        try {
            type = in.type() == null ? null : OrganisationType.valueOf(in.type().strip());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (type == null) {
            problems.add(new FieldProblem("type", "organisation.type.invalid", in.type()));
        }
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new FieldProblem("name", "organisation.name.invalid"));
        }
        CreditCode creditCode = null;
        String code = CreditCode.normalise(in.creditCode());
        Optional<String> codeProblem = CreditCode.problemWith(code);
        if (codeProblem.isPresent()) {
            problems.add(new FieldProblem("creditCode", codeProblem.get(), in.creditCode()));
        } else if (repository.creditCodeTaken(code)) {
            problems.add(new FieldProblem("creditCode", "creditCode.duplicate", code));
        } else {
            creditCode = new CreditCode(code);
        }
        Province province = null;
        if (in.provinceCode() != null && !in.provinceCode().isBlank()) {
            province = Province.ofCode(in.provinceCode().strip()).orElse(null);
            if (province == null) {
                problems.add(new FieldProblem("provinceCode", "province.unknown", in.provinceCode()));
            }
        } else if (type != null && type.provinceRequired()) {
            problems.add(new FieldProblem("provinceCode", "province.required"));
        }
        LicenceNumber licence = null;
        if (in.licenceNumber() != null && !in.licenceNumber().isBlank()) {
            String value = in.licenceNumber().strip().toUpperCase(Locale.ROOT);
            Optional<String> licenceProblem = LicenceNumber.problemWith(value);
            if (licenceProblem.isPresent()) {
                problems.add(new FieldProblem("licenceNumber", licenceProblem.get(), in.licenceNumber()));
            } else if (repository.licenceTaken(value)) {
                problems.add(new FieldProblem("licenceNumber", "licence.duplicate", value));
            } else {
                licence = new LicenceNumber(value);
                Optional<Province> issuer = licence.issuingProvince();
                if (issuer.isPresent() && province != null && issuer.get() != province) {
                    problems.add(new FieldProblem("licenceNumber", "licence.provinceMismatch", value));
                }
            }
        } else if (type != null && type.licenceRequired()) {
            problems.add(new FieldProblem("licenceNumber", "licence.required"));
        }
        Long parentId = in.parentId();
        boolean subsidiary = type == OrganisationType.BASIC_TELECOM_PROVINCIAL
                || type == OrganisationType.BASIC_TELECOM_SPECIALISED;
        if (parentId != null) {
            Optional<Organisation> parent = repository.findUnscoped(parentId);
            if (!subsidiary || parent.isEmpty() || parent.get().type() != OrganisationType.BASIC_TELECOM_GROUP) {
                problems.add(new FieldProblem("parentId", "organisation.parent.invalid"));
            }
        } else if (subsidiary) {
            problems.add(new FieldProblem("parentId", "organisation.parent.required"));
        }
        String contactName = blankToNull(in.contactName());
        if (contactName != null && contactName.length() > 100) {
            problems.add(new FieldProblem("contactName", "organisation.contactName.invalid"));
        }
        String contactPhone = blankToNull(in.contactPhone());
        if (contactPhone != null && !PHONE.matcher(contactPhone).matches()) {
            problems.add(new FieldProblem("contactPhone", "organisation.contactPhone.invalid", contactPhone));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new ValidOrganisation(type, name, creditCode, province, licence, parentId,
                contactName, contactPhone);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** An organisation that passed every field check. */
    record ValidOrganisation(OrganisationType type, String name, CreditCode creditCode, Province province,
            LicenceNumber licenceNumber, Long parentId, String contactName, String contactPhone) {
    }
}
