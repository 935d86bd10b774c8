package org.inspectorate.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Organisation;
import org.inspectorate.organisation.Organisations;
import org.inspectorate.organisation.Role;
import org.inspectorate.organisation.UserAccount;
import org.inspectorate.organisation.UserAccounts;
import org.inspectorate.spotcheck.ScheduleInput;
import org.inspectorate.spotcheck.SpotCheckQuery;
import org.inspectorate.spotcheck.SpotCheckState;
import org.inspectorate.spotcheck.SpotCheckView;
import org.inspectorate.spotcheck.SpotChecks;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's spot checks (抽查): the published Beijing draw's planned checks became spot checks when it was
 * published; {@code beijing} schedules the first of them (interviews, document review and remote penetration testing
 * from tomorrow, with the documents to prepare), so that its team and its operator have a check on their pages.
 */
class DemoSpotChecks {

    private final SpotChecks checks;
    private final Organisations organisations;
    private final UserAccounts accounts;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoSpotChecks(SpotChecks checks, Organisations organisations, UserAccounts accounts,
            TransactionTemplate transaction, Clock clock) {
        this.checks = checks;
        this.organisations = organisations;
        this.accounts = accounts;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The scheduled check's id, or {@code null} when the draw has no planned check left to schedule. */
    Long load(long drawId) {
        return transaction.execute(status -> {
            Actor beijing = officer("beijing");
            List<SpotCheckView> planned = checks.list(beijing, new SpotCheckQuery(SpotCheckState.PLANNED, false), null,
                    100).items().stream().filter(c -> c.drawId() != null && c.drawId() == drawId).toList();
            if (planned.isEmpty()) {
                return null;
            }
            SpotCheckView first = planned.get(planned.size() - 1);
            LocalDate tomorrow = LocalDate.now(clock).plusDays(1);
            checks.schedule(beijing, first.id(), first.version(), new ScheduleInput(
                    List.of("INTERVIEW", "DOCUMENT_REVIEW", "REMOTE_PENETRATION"), tomorrow.toString(),
                    tomorrow.plusDays(4).toString(), "网络安全管理制度及操作规程；网络单元定级备案材料；资产清单；"
                            + "近一年安全事件处置记录；远程渗透测试授权书（签字盖章）"));
            return first.id();
        });
    }

    private Actor officer(String username) {
        UserAccount account = accounts.findByUsernameUnscoped(username).orElseThrow();
        Organisation org = organisations.findUnscoped(account.organisationId()).orElseThrow();
        return new Actor(account.id(), account.username(), org.id(), org.type(), org.province(),
                Set.of(Role.PROVINCIAL_OFFICER));
    }
}
