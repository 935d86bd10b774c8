package org.inspectorate.audit;

import java.util.Set;

/**
 * What of an entry's detail the audit administrator (审计管理员) may read (三员分立, docs/adr/0005): the
 * detail of inspection events — unit names, self-inspection answers, a finding's severity, evidence file
 * names, draw titles — is inspection content, which none of the three administrators sees by that role.
 * So the trail keeps every detail (it is hashed, and verification needs it as written) and the page and the
 * exports show it only for the families of actions that are about accounts and the trail itself; for every
 * other action, and for any family this list does not know yet, the detail is withheld. Who did what to
 * which record and when (actor, action, subject, outcome, time, address) is always shown.
 */
final class DetailDisclosure {

    /**
     * Action families whose detail names no inspection content: sign-in, second factor, passwords, API
     * tokens, accounts, sessions and the trail itself. A new family is added here deliberately, after
     * checking what its details say.
     */
    static final Set<String> SHOWN_FAMILIES = Set.of("signin", "mfa", "password", "apitoken", "user", "session",
            "audit");

    private DetailDisclosure() {
    }

    /** Whether the auditor may read the detail of an entry with this action. */
    static boolean shown(String action) {
        int dot = action == null ? -1 : action.indexOf('.');
        return dot > 0 && SHOWN_FAMILIES.contains(action.substring(0, dot));
    }

    /** The entry as the auditor sees it. */
    static AuditLine line(AuditEntry e) {
        boolean shown = shown(e.action());
        boolean hasDetail = e.detail() != null && !e.detail().isEmpty();
        return new AuditLine(e.seq(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.outcome(),
                shown ? e.detail() : null, hasDetail && !shown, e.remoteAddr(), e.hash());
    }
}
