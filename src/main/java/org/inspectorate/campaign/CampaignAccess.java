package org.inspectorate.campaign;

import org.inspectorate.organisation.Actor;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may do what to campaign definitions, in one place: the Ministry (部网络安全管理局) manages them and
 * reads drafts; everyone signed in reads published campaigns. Plain Java; {@link Campaigns} asks it before
 * acting and the pages take their flags from it through {@link Campaigns#canManage}.
 */
final class CampaignAccess {

    /** Whether the actor uploads, publishes and closes campaign definitions: the Ministry only. */
    boolean mayManage(Actor actor) {
        return actor.nationwide();
    }

    /** Whether the actor sees draft versions and campaigns that only have drafts: whoever manages them. */
    boolean maySeeDrafts(Actor actor) {
        return mayManage(actor);
    }

    /** Fails with {@link AccessDeniedException} (403) unless the actor manages campaign definitions. */
    void requireManager(Actor actor) {
        if (!mayManage(actor)) {
            throw new AccessDeniedException("only the Ministry manages campaign definitions");
        }
    }
}
