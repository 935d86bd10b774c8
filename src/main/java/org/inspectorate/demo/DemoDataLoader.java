package org.inspectorate.demo;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.inspectorate.demo.DemoDirectory.DemoAccount;
import org.inspectorate.demo.DemoDirectory.DemoOrganisation;
import org.inspectorate.organisation.AccountProvisioning;
import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.DepartmentKind;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.OrganisationInput;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccounts;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo directory and accounts through the organisation module's API, so that every
 * rule applies to them as to anything a person enters. Idempotent: what exists (by credit code,
 * by username) is kept, and the whole load lands in one transaction or not at all.
 */
class DemoDataLoader {

    /** Registers the demo organisations as the system administrator would. */
    private static final Actor LOADER = new Actor(0, "demo-data", 0, OrganisationType.MINISTRY_BUREAU, null,
            Set.of(Role.SYSTEM_ADMIN));

    private final Organisations organisations;
    private final UserAccounts accounts;
    private final TransactionTemplate transaction;

    DemoDataLoader(Organisations organisations, UserAccounts accounts, TransactionTemplate transaction) {
        this.organisations = organisations;
        this.accounts = accounts;
        this.transaction = transaction;
    }

    /** How many organisations and accounts one run created. */
    record Result(int organisationsCreated, int accountsCreated) {
    }

    /** Whether the demo data (its Ministry bureau, by its credit code) is already in the directory. */
    boolean present() {
        return organisations.findByCreditCodeUnscoped(DemoDirectory.organisations().get(0).creditCode()).isPresent();
    }

    Result load() {
        return transaction.execute(status -> {
            Map<String, Long> ids = new HashMap<>();
            int orgs = 0;
            for (DemoOrganisation o : DemoDirectory.organisations()) {
                var existing = organisations.findByCreditCodeUnscoped(o.creditCode());
                if (existing.isPresent()) {
                    ids.put(o.key(), existing.get().id());
                    continue;
                }
                Long parentId = o.parentKey() == null ? null : ids.get(o.parentKey());
                Organisation created = organisations.register(LOADER, new OrganisationInput(o.type().name(), o.name(),
                        o.creditCode(), o.province() == null ? null : o.province().code(), o.licenceNumber(), parentId,
                        null, null));
                ids.put(o.key(), created.id());
                DepartmentKind kind = DemoDirectory.departmentKind(o.key());
                if (kind != DepartmentKind.OTHER) {
                    organisations.recordDepartmentKind(LOADER, created.id(), kind);
                }
                orgs++;
            }
            int users = 0;
            for (DemoAccount a : DemoDirectory.accounts()) {
                if (accounts.usernameTaken(a.username())) {
                    continue;
                }
                // Demo accounts keep the documented password: only in demo mode is a first change waived.
                accounts.provision(new AccountProvisioning(a.username(), a.displayName(), ids.get(a.organisationKey()),
                        DemoDirectory.PASSWORD, Set.of(a.role()), false));
                users++;
            }
            return new Result(orgs, users);
        });
    }
}
