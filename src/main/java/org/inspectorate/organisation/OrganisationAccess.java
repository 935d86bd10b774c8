package org.inspectorate.organisation;

/**
 * Who may do what in the organisation module (三员分立): the directory of organisations and account administration.
 * Plain rules over the {@link Actor}, no Spring: the services ask before acting, the pages ask for the buttons they
 * show. Which roles one account may hold together is {@link RoleGrantPolicy}'s question, not this one's.
 */
final class OrganisationAccess {

    private OrganisationAccess() {
    }

    /** Whether the actor registers organisations in the directory: the system administrator (系统管理员) only. */
    static boolean mayRegisterOrganisations(Actor actor) {
        return actor.has(Role.SYSTEM_ADMIN);
    }

    /**
     * Whether the actor sees the whole directory and every account, whatever their own jurisdiction: the system
     * and security administrators, who manage accounts everywhere.
     */
    static boolean administersEveryAccount(Actor actor) {
        return actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.SECURITY_ADMIN);
    }

    /** Whether the actor administers the accounts of their own organisation tree: an operator's administrator. */
    static boolean administersOwnOrganisationsAccounts(Actor actor) {
        return actor.has(Role.OPERATOR_ADMIN);
    }

    /** Whether the actor may open the account list at all: the system and security administrators, an operator's administrator. */
    static boolean mayManageAccounts(Actor actor) {
        return administersEveryAccount(actor) || administersOwnOrganisationsAccounts(actor);
    }

    /** Whether the actor may create accounts: the system administrator, or an operator's administrator for its staff. */
    static boolean mayCreateAccounts(Actor actor) {
        return actor.has(Role.SYSTEM_ADMIN) || actor.has(Role.OPERATOR_ADMIN);
    }

    /**
     * Whether the accounts the actor creates may belong to any organisation and start without roles (the system
     * administrator); otherwise they are staff (单位工作人员) of the actor's own organisation tree.
     */
    static boolean createsAccountsAnywhere(Actor actor) {
        return actor.has(Role.SYSTEM_ADMIN);
    }

    /** Whether the actor grants and revokes roles at all: the security administrator (安全管理员) only. */
    static boolean grantsRoles(Actor actor) {
        return actor.has(Role.SECURITY_ADMIN);
    }

    /** Whether the actor may grant or revoke roles of the account {@code targetUserId}: never their own. */
    static boolean mayChangeRoles(Actor actor, long targetUserId) {
        return grantsRoles(actor) && actor.userId() != targetUserId;
    }

    /** Whether the actor enables and disables accounts at all: the system administrator only. */
    static boolean enablesAccounts(Actor actor) {
        return actor.has(Role.SYSTEM_ADMIN);
    }

    /** Whether the actor may enable or disable the account {@code targetUserId}: never their own. */
    static boolean mayChangeEnabled(Actor actor, long targetUserId) {
        return enablesAccounts(actor) && actor.userId() != targetUserId;
    }

    /** Whether the actor resets second factors at all: the security administrator only. */
    static boolean resetsSecondFactors(Actor actor) {
        return actor.has(Role.SECURITY_ADMIN);
    }

    /** Whether the actor may reset the second factor of the account {@code targetUserId}: never their own. */
    static boolean mayResetMfa(Actor actor, long targetUserId) {
        return resetsSecondFactors(actor) && actor.userId() != targetUserId;
    }
}
