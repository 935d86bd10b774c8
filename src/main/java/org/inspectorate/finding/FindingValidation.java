package org.inspectorate.finding;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.filing.NetworkUnits;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Checks a {@link NewFinding} field by field and turns it into the register's row: texts within their lengths,
 * known enums, valid references and CVSS vector, an owner, a network unit the actor sees that belongs to the
 * finding's organisation (and the asset one of the unit's), a published campaign, and the due date — given, or
 * today plus the SLA days of the severity (the campaign's when named, the configured defaults otherwise).
 */
@Component
class FindingValidation {

    private final NetworkUnits units;
    private final CampaignSla campaigns;
    private final SlaPolicy sla;
    private final Clock clock;
    private final UserAccounts accounts;
    private final Organisations organisations;

    FindingValidation(NetworkUnits units, CampaignSla campaigns, SlaPolicy sla, Clock clock, UserAccounts accounts,
            Organisations organisations) {
        this.accounts = accounts;
        this.organisations = organisations;
        this.units = units;
        this.campaigns = campaigns;
        this.sla = sla;
        this.clock = clock;
    }

    /** Network units and campaigns already looked up, so that a bulk import asks once per unit and campaign. */
    static final class Lookups {
        private final Map<Long, Optional<NetworkUnit>> units = new HashMap<>();
        private final Map<String, Optional<Map<Severity, Integer>>> campaigns = new HashMap<>();
        private final Map<List<Long>, Boolean> owners = new HashMap<>();
        /** How a unit id is resolved; {@code null}: among the units the actor sees. */
        private java.util.function.LongFunction<Optional<NetworkUnit>> resolver;
    }

    /**
     * As {@link #check(Actor, NewFinding, boolean)} for a spot check's finding: the unit is looked up without the
     * actor's jurisdiction (the spot-check module's gate has already admitted the inspector to the check and its
     * units) and must still belong to the finding's organisation.
     */
    FindingRow checkUnscopedUnit(Actor actor, NewFinding in) {
        List<FieldProblem> problems = new ArrayList<>();
        Lookups lookups = new Lookups();
        lookups.resolver = units::findUnscoped;
        FindingRow row = check(actor, in, false, problems, lookups);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return row;
    }

    /** The checked row, or {@link InvalidInputException} naming every problem. */
    FindingRow check(Actor actor, NewFinding in, boolean dedupRequired) {
        List<FieldProblem> problems = new ArrayList<>();
        FindingRow row = check(actor, in, dedupRequired, problems, new Lookups());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return row;
    }

    /** The checked row, or {@code null} with the problems added to {@code problems}. */
    FindingRow check(Actor actor, NewFinding in, boolean dedupRequired, List<FieldProblem> problems,
            Lookups lookups) {
        String title = text(in.title());
        if (title == null) {
            problems.add(new FieldProblem("title", "finding.field.required"));
        } else if (title.length() > ScanImports.MAX_TITLE) {
            problems.add(new FieldProblem("title", "finding.field.tooLong", ScanImports.MAX_TITLE));
        }
        String description = text(in.description());
        if (description != null && description.length() > ScanImports.MAX_TEXT) {
            problems.add(new FieldProblem("description", "finding.field.tooLong", ScanImports.MAX_TEXT));
        }
        Category category = parseEnum(problems, "category", in.category(), Category.class);
        Severity severity = parseEnum(problems, "severity", in.severity(), Severity.class);
        List<String> refs = VulnerabilityReferences.split(in.references());
        List<String> badRefs = VulnerabilityReferences.invalid(refs);
        if (!badRefs.isEmpty()) {
            problems.add(new FieldProblem("references", "finding.references.invalid", String.join(", ", badRefs)));
        } else if (String.join(" ", refs).length() > ScanImports.MAX_TEXT) {
            // every id is kept (finding_reference); the bound only keeps one form from being a whole report
            problems.add(new FieldProblem("references", "finding.field.tooLong", ScanImports.MAX_TEXT));
        }
        CvssScore cvss = null;
        String vector = text(in.cvssVector());
        if (vector != null) {
            cvss = CvssScore.parse(vector).orElse(null);
            if (cvss == null) {
                problems.add(new FieldProblem("cvssVector", "finding.cvss.invalid",
                        vector.length() > 80 ? vector.substring(0, 80) + "…" : vector));
            }
        }
        String ownerName = text(in.ownerName());
        String ownerContact = text(in.ownerContact());
        if (ownerName == null && in.ownerUserId() == null) {
            problems.add(new FieldProblem("ownerName", "finding.owner.required"));
        }
        maxLength(problems, "ownerName", ownerName, 100);
        maxLength(problems, "ownerContact", ownerContact, 100);
        FindingSource source = in.source() != null ? in.source()
                : dedupRequired ? FindingSource.IMPORT : FindingSource.MANUAL;
        String sourceRef = text(in.sourceRef());
        maxLength(problems, "sourceRef", sourceRef, 200);
        String dedupKey = text(in.dedupKey());
        if (dedupRequired && dedupKey == null) {
            problems.add(new FieldProblem("dedupKey", "finding.field.required"));
        } else {
            maxLength(problems, "dedupKey", dedupKey, 200);
        }
        // organisation and network unit: the unit must be visible to the actor and belong to the organisation
        Long organisationId = in.organisationId() != null ? in.organisationId()
                : actor.operates() ? Long.valueOf(actor.organisationId()) : null;
        NetworkUnit unit = null;
        if (in.networkUnitId() == null) {
            problems.add(new FieldProblem("networkUnitId", "finding.field.required"));
        } else {
            unit = lookups.units.computeIfAbsent(in.networkUnitId(), unitId -> lookups.resolver != null
                    ? lookups.resolver.apply(unitId) : visibleUnit(actor, unitId))
                    .orElse(null);
            if (unit == null) {
                problems.add(new FieldProblem("networkUnitId", "finding.unit.unknown", in.networkUnitId()));
            }
        }
        if (unit != null) {
            if (organisationId == null) {
                organisationId = unit.organisationId();
            } else if (unit.organisationId() != organisationId) {
                problems.add(new FieldProblem("networkUnitId", "finding.unit.otherOrganisation", in.networkUnitId()));
            }
        }
        if (in.ownerUserId() != null && organisationId != null) {
            long owner = in.ownerUserId();
            long organisation = organisationId;
            if (!lookups.owners.computeIfAbsent(List.of(owner, organisation), k -> mayOwn(owner, organisation))) {
                // the same answer for an account that does not exist and one of another organisation
                problems.add(new FieldProblem("ownerUserId", "finding.owner.unknown", String.valueOf(owner)));
            }
        }
        String asset = text(in.asset());
        if (asset != null && unit != null && unit.content().assets().stream()
                .noneMatch(a -> a.value().equalsIgnoreCase(asset))) {
            problems.add(new FieldProblem("asset", "finding.asset.unknown", asset));
        }
        String campaignCode = text(in.campaignCode());
        OptionalInt campaignDays = OptionalInt.empty();
        if (campaignCode != null && severity != null) {
            Optional<Map<Severity, Integer>> campaignSla = lookups.campaigns.computeIfAbsent(campaignCode,
                    campaigns::slaDays);
            if (campaignSla.isEmpty()) {
                problems.add(new FieldProblem("campaignCode", "finding.campaign.unknown", campaignCode));
            } else if (campaignSla.get().containsKey(severity)) {
                campaignDays = OptionalInt.of(campaignSla.get().get(severity));
            }
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate dueOn = FindingLifecycle.optionalDate(problems, "dueOn", in.dueOn());
        if (dueOn != null && dueOn.isBefore(today)) {
            problems.add(new FieldProblem("dueOn", "finding.field.pastDate", dueOn));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        if (dueOn == null) {
            dueOn = sla.dueOn(today, severity, campaignDays);
        }
        return new FindingRow(Objects.requireNonNull(organisationId), unit.id(),
                asset == null ? null : canonicalAsset(unit, asset), title, description, category, severity, refs, cvss,
                ownerName, ownerContact, in.ownerUserId(), campaignCode, source, sourceRef, dedupKey, dueOn);
    }

    /**
     * Whether the account may be named the owner (责任人) of a finding of the organisation: an enabled operator
     * account of that organisation or of its group company — never a regulator's, an agency's or an
     * administrator's account, nor one of another operator.
     */
    private boolean mayOwn(long userId, long organisationId) {
        Optional<UserAccount> account = accounts.findUnscoped(userId)
                .filter(a -> a.enabled() && (a.roles().contains(Role.OPERATOR_ADMIN)
                        || a.roles().contains(Role.OPERATOR_STAFF)));
        if (account.isEmpty()) {
            return false;
        }
        long ownerOrganisation = account.get().organisationId();
        return ownerOrganisation == organisationId || organisations.findUnscoped(organisationId)
                .map(o -> o.parentId() != null && o.parentId() == ownerOrganisation).orElse(false);
    }

    private Optional<NetworkUnit> visibleUnit(Actor actor, long unitId) {
        try {
            return Optional.of(units.get(actor, unitId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static String canonicalAsset(NetworkUnit unit, String asset) {
        return unit.content().assets().stream().filter(a -> a.value().equalsIgnoreCase(asset)).findFirst()
                .map(a -> a.value()).orElse(asset);
    }

    private static void maxLength(List<FieldProblem> problems, String field, String text, int max) {
        if (text != null && text.length() > max) {
            problems.add(new FieldProblem(field, "finding.field.tooLong", max));
        }
    }

    private static <E extends Enum<E>> E parseEnum(List<FieldProblem> problems, String field, String value,
            Class<E> type) {
        String text = text(value);
        if (text == null) {
            problems.add(new FieldProblem(field, "finding.field.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, "finding.field.unknownValue", text));
            return null;
        }
    }

    private static String text(String value) {
        return FindingLifecycle.text(value);
    }
}
