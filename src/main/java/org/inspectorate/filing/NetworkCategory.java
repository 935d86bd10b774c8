package org.inspectorate.filing;

/** What kind of network or system a unit is: the focus objects of the inspection notice (检查重点对象). */
public enum NetworkCategory {
    /** 网络基础设施 */
    NETWORK_INFRASTRUCTURE,
    /** 用户信息和网络数据收集、集中存储和处理系统 */
    USER_DATA_SYSTEM,
    /** 门户网站 */
    PORTAL,
    /** 计费系统 */
    BILLING,
    /** 域名系统 */
    DNS,
    /** 电子邮件系统 */
    EMAIL,
    /** 移动应用商店 */
    MOBILE_APP_STORE,
    /** 移动应用及其后台系统 */
    MOBILE_APP,
    /** 公有云 */
    PUBLIC_CLOUD,
    /** 公共无线局域网 */
    PUBLIC_WLAN,
    /** 物联网平台（如公共视频监控） */
    IOT_PLATFORM,
    /** 网约车平台 */
    RIDE_HAILING,
    /** 车联网平台 */
    CONNECTED_VEHICLE,
    /** 其他 */
    OTHER;

    public String messageKey() {
        return "filing.category." + name();
    }

    public static NetworkCategory parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("filing.category.invalid", input);
        }
    }
}
