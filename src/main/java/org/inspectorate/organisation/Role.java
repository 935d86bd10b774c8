package org.inspectorate.organisation;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. The three administrators (三员) are separated: no account holds two of them,
 * and none of them sees inspection data by that role.
 */
public enum Role {
    /** 部网络安全管理局工作人员: the whole country. */
    MINISTRY_OFFICER(EnumSet.of(OrganisationType.MINISTRY_BUREAU), true),
    /** 省通信管理局工作人员: their own province. */
    PROVINCIAL_OFFICER(EnumSet.of(OrganisationType.PROVINCIAL_ADMINISTRATION), true),
    /** 网络运行单位管理员: their organisation (a group company also its subsidiaries), and its accounts. */
    OPERATOR_ADMIN(operatorTypes(), false),
    /** 网络运行单位工作人员 */
    OPERATOR_STAFF(operatorTypes(), false),
    /** 检查人员 (of a testing agency): only what is assigned to them. */
    INSPECTOR(EnumSet.of(OrganisationType.TESTING_AGENCY), true),
    /** 其他部门用户 (网信、公安): only what an approved request grants. */
    OTHER_DEPARTMENT_USER(EnumSet.of(OrganisationType.OTHER_DEPARTMENT), false),
    /** 系统管理员: accounts. */
    SYSTEM_ADMIN(regulatorTypes(), true),
    /** 安全管理员: roles and grants. */
    SECURITY_ADMIN(regulatorTypes(), true),
    /** 安全审计员: the audit trail only. */
    AUDIT_ADMIN(regulatorTypes(), true);

    private final Set<OrganisationType> allowedOrganisationTypes;
    private final boolean mfaRequired;

    Role(Set<OrganisationType> allowedOrganisationTypes, boolean mfaRequired) {
        this.allowedOrganisationTypes = allowedOrganisationTypes;
        this.mfaRequired = mfaRequired;
    }

    /** One of the three separated administrators (三员). */
    public boolean isAdministrator() {
        return this == SYSTEM_ADMIN || this == SECURITY_ADMIN || this == AUDIT_ADMIN;
    }

    /** Whether signing in with this role needs a second, cryptographic factor (TOTP). */
    public boolean mfaRequired() {
        return mfaRequired;
    }

    /** Whether a member of an organisation of {@code type} may hold this role. */
    public boolean allowedFor(OrganisationType type) {
        return allowedOrganisationTypes.contains(type);
    }

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String messageKey() {
        return "role." + name();
    }

    private static Set<OrganisationType> operatorTypes() {
        EnumSet<OrganisationType> types = EnumSet.noneOf(OrganisationType.class);
        for (OrganisationType t : OrganisationType.values()) {
            if (t.isOperator()) {
                types.add(t);
            }
        }
        return types;
    }

    private static Set<OrganisationType> regulatorTypes() {
        return EnumSet.of(OrganisationType.MINISTRY_BUREAU, OrganisationType.PROVINCIAL_ADMINISTRATION);
    }
}
