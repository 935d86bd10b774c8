package org.inspectorate.organisation;

/**
 * Which department an {@link OrganisationType#OTHER_DEPARTMENT} organisation is (部门类别): the cyberspace
 * administration (网信) coordinates cross-department inspections in its province (跨部门网络安全检查由当地网信部门统筹协调);
 * public security (公安) and any other department plan their own. Other organisation types carry {@link #OTHER}.
 */
public enum DepartmentKind {
    /** 网信部门 */
    CYBERSPACE_ADMINISTRATION,
    /** 公安机关 */
    PUBLIC_SECURITY,
    /** 其他部门 */
    OTHER;

    public String messageKey() {
        return "organisation.departmentKind." + name();
    }
}
