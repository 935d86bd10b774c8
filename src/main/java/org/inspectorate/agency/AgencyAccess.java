package org.inspectorate.agency;

import org.inspectorate.organisation.Actor;
import org.inspectorate.organisation.Role;

/**
 * Who may keep the agencies' records (专业技术机构) and vet their inspectors: plain rules over the {@link Actor}, asked
 * by the service before every read and change and by the pages for what they offer.
 */
public final class AgencyAccess {

    private AgencyAccess() {
    }

    /**
     * Whether the actor keeps agency records: the Ministry's and the provincial administrations' officers. Agencies
     * are national reference data, so a provincial officer keeps them whether or not the account names a province
     * (unlike {@link Actor#regulates()}, which scopes inspection results).
     */
    public static boolean mayManage(Actor actor) {
        return actor.has(Role.MINISTRY_OFFICER) || actor.has(Role.PROVINCIAL_OFFICER);
    }
}
