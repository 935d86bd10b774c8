package org.inspectorate.filing;

/** Where a unit is in its life, as the filing system tracks it. */
public enum LifecycleStage {
    /** 建设 / 入网 */
    COMMISSIONING,
    /** 上线 */
    ONLINE,
    /** 试运行 */
    TRIAL,
    /** 正式运行 */
    FORMAL_OPERATION,
    /** 退网 */
    RETIRED;

    public String messageKey() {
        return "filing.stage." + name();
    }

    public static LifecycleStage parse(String input) {
        try {
            return valueOf(input == null ? "" : input.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("filing.stage.invalid", input);
        }
    }
}
