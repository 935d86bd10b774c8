package org.inspectorate.organisation;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 31 provincial-level divisions of the mainland, by their GB/T 2260 code, with the one-character
 * abbreviation that prefixes a provincially issued value-added telecom licence (e.g. 京B2-20180001).
 */
public enum Province {
    BEIJING("110000", "京"), TIANJIN("120000", "津"), HEBEI("130000", "冀"), SHANXI("140000", "晋"),
    INNER_MONGOLIA("150000", "蒙"), LIAONING("210000", "辽"), JILIN("220000", "吉"),
    HEILONGJIANG("230000", "黑"), SHANGHAI("310000", "沪"), JIANGSU("320000", "苏"),
    ZHEJIANG("330000", "浙"), ANHUI("340000", "皖"), FUJIAN("350000", "闽"), JIANGXI("360000", "赣"),
    SHANDONG("370000", "鲁"), HENAN("410000", "豫"), HUBEI("420000", "鄂"), HUNAN("430000", "湘"),
    GUANGDONG("440000", "粤"), GUANGXI("450000", "桂"), HAINAN("460000", "琼"),
    CHONGQING("500000", "渝"), SICHUAN("510000", "川"), GUIZHOU("520000", "黔"), YUNNAN("530000", "滇"),
    TIBET("540000", "藏"), SHAANXI("610000", "陕"), GANSU("620000", "甘"), QINGHAI("630000", "青"),
    NINGXIA("640000", "宁"), XINJIANG("650000", "新");

    private final String code;
    private final String abbreviation;

    Province(String code, String abbreviation) {
        this.code = code;
        this.abbreviation = abbreviation;
    }

    /** The GB/T 2260 code, e.g. {@code 110000}. */
    public String code() {
        return code;
    }

    /** The licence-plate style abbreviation, e.g. 京. */
    public String abbreviation() {
        return abbreviation;
    }

    /** Message key of the province's name. */
    public String messageKey() {
        return "province." + code;
    }

    public static Optional<Province> ofCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    public static Optional<Province> ofAbbreviation(String abbreviation) {
        return Arrays.stream(values()).filter(p -> p.abbreviation.equals(abbreviation)).findFirst();
    }
}
