package org.inspectorate.spotcheck;

/**
 * One province's spot checks (抽查进度) of operators located there, cancelled ones left out: how many are planned,
 * scheduled, in progress and reported, how many of basic telecom companies and of value-added enterprises, and
 * whether the notice's minimum is reached: every basic telecom company of the province ({@code basicTelecomTarget}, its
 * BASIC_TELECOM_PROVINCIAL operators in the directory) and at least ten value-added enterprises.
 */
public record ProvinceProgress(String provinceCode, long planned, long scheduled, long inProgress, long reported,
        long basicTelecom, long basicTelecomTarget, long valueAdded) {

    /** The notice's minimum of value-added enterprises per province (不少于10家增值电信企业). */
    public static final int MIN_VALUE_ADDED = 10;

    public long total() {
        return planned + scheduled + inProgress + reported;
    }

    public boolean valueAddedMinimumReached() {
        return valueAdded >= MIN_VALUE_ADDED;
    }

    /** Whether as many checks of basic telecom companies are planned as the province has such companies. */
    public boolean basicTelecomTargetReached() {
        return basicTelecom >= basicTelecomTarget;
    }

    /** Sums the grouped rows of one province. */
    static final class Builder {
        private final String province;
        private long planned;
        private long scheduled;
        private long inProgress;
        private long reported;
        private long basic;
        private long valueAdded;
        private final long basicTarget;

        Builder(String province, long basicTarget) {
            this.province = province;
            this.basicTarget = basicTarget;
        }

        void add(String operatorType, SpotCheckState state, long n) {
            switch (state) {
                case PLANNED -> planned += n;
                case SCHEDULED -> scheduled += n;
                case IN_PROGRESS -> inProgress += n;
                case REPORTED -> reported += n;
                case CANCELLED -> { }
            }
            if (operatorType.startsWith("BASIC_TELECOM")) {
                basic += n;
            } else if (operatorType.equals("VALUE_ADDED_TELECOM")) {
                valueAdded += n;
            }
        }

        ProvinceProgress build() {
            return new ProvinceProgress(province, planned, scheduled, inProgress, reported, basic, basicTarget, valueAdded);
        }
    }
}
