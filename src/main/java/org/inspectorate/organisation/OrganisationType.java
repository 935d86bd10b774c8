package org.inspectorate.organisation;

/**
 * The kinds of organisation that take part in a campaign. The operator types (网络运行单位) decide
 * to whom an operator files and reports.
 */
public enum OrganisationType {
    /** 工业和信息化部网络安全管理局 */
    MINISTRY_BUREAU(false, false),
    /** 省(区、市)通信管理局 */
    PROVINCIAL_ADMINISTRATION(false, true),
    /** 基础电信企业集团公司 */
    BASIC_TELECOM_GROUP(true, false),
    /** 基础电信企业省级公司 */
    BASIC_TELECOM_PROVINCIAL(true, true),
    /** 基础电信企业专业公司 */
    BASIC_TELECOM_SPECIALISED(true, false),
    /** 增值电信企业 */
    VALUE_ADDED_TELECOM(true, true),
    /** 互联网企业 */
    INTERNET_ENTERPRISE(true, true),
    /** 域名注册管理机构 */
    DOMAIN_REGISTRY(true, false),
    /** 域名注册服务机构 */
    DOMAIN_REGISTRAR(true, false),
    /** 专业技术机构 */
    TESTING_AGENCY(false, false),
    /** 网信、公安等其他部门 */
    OTHER_DEPARTMENT(false, true);

    private final boolean operator;
    private final boolean provinceRequired;

    OrganisationType(boolean operator, boolean provinceRequired) {
        this.operator = operator;
        this.provinceRequired = provinceRequired;
    }

    /** A network operating unit (网络运行单位), which files, self-inspects and is inspected. */
    public boolean isOperator() {
        return operator;
    }

    /** Whether an organisation of this type must name its province. */
    public boolean provinceRequired() {
        return provinceRequired;
    }

    /** Whether an organisation of this type must hold a value-added telecom licence. */
    public boolean licenceRequired() {
        return this == VALUE_ADDED_TELECOM;
    }

    /** Whether this type is a regulator (the Ministry bureau or a provincial administration). */
    public boolean isRegulator() {
        return this == MINISTRY_BUREAU || this == PROVINCIAL_ADMINISTRATION;
    }

    public String messageKey() {
        return "organisation.type." + name();
    }
}
