package org.inspectorate.agency;

/** What an inspector is qualified to do on a spot check; {@link #TEAM_LEADER} may lead a team (组长). */
public enum Skill {
    /** 渗透测试 */
    PENETRATION_TESTING,
    /** 代码审计 */
    CODE_REVIEW,
    /** 现场检测 */
    ON_SITE_TESTING,
    /** 管理检查 */
    MANAGEMENT_REVIEW,
    /** 组长 */
    TEAM_LEADER;

    public String messageKey() {
        return "agency.skill." + name();
    }
}
