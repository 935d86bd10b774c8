package org.inspectorate.demo;

import java.util.ArrayList;
import java.util.List;

import org.inspectorate.organisation.CreditCode;
import org.inspectorate.organisation.DepartmentKind;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.organisation.Passwords;
import org.inspectorate.organisation.Province;
import org.inspectorate.organisation.Role;

/**
 * What the demo directory holds, as data. Unified social credit codes are made up but valid: a
 * registration-authority prefix, the division code, a counter, and the GB 32100 check character,
 * so that every run produces the same codes.
 */
final class DemoDirectory {

    /** The password of every demo account: guessable by design, accepted for these shipped accounts in demo mode only. */
    static final String PASSWORD = Passwords.DEMO_PASSWORD;

    /** An organisation to create; {@code parentKey} names the group company of a subsidiary. */
    record DemoOrganisation(String key, OrganisationType type, String name, String creditCode, Province province,
            String licenceNumber, String parentKey) {
    }

    /** An account to create, in the organisation named by {@code organisationKey}. */
    record DemoAccount(String username, String displayName, String organisationKey, Role role) {
    }

    private DemoDirectory() {
    }

    /** Registration authority 1/1: a government body (机关); 1/2: a public institution (事业单位); 9/1: a company. */
    static String creditCode(String prefix, Province province, int counter) {
        String division = province == null ? "110000" : province.code();
        String first17 = prefix + division + "DM" + String.format("%07d", counter);
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static final String[][] PROVINCE_NAMES = {
            {"110000", "北京市"}, {"120000", "天津市"}, {"130000", "河北省"}, {"140000", "山西省"},
            {"150000", "内蒙古自治区"}, {"210000", "辽宁省"}, {"220000", "吉林省"}, {"230000", "黑龙江省"},
            {"310000", "上海市"}, {"320000", "江苏省"}, {"330000", "浙江省"}, {"340000", "安徽省"},
            {"350000", "福建省"}, {"360000", "江西省"}, {"370000", "山东省"}, {"410000", "河南省"},
            {"420000", "湖北省"}, {"430000", "湖南省"}, {"440000", "广东省"}, {"450000", "广西壮族自治区"},
            {"460000", "海南省"}, {"500000", "重庆市"}, {"510000", "四川省"}, {"520000", "贵州省"},
            {"530000", "云南省"}, {"540000", "西藏自治区"}, {"610000", "陕西省"}, {"620000", "甘肃省"},
            {"630000", "青海省"}, {"640000", "宁夏回族自治区"}, {"650000", "新疆维吾尔自治区"}};

    /** Every demo organisation, parents before their subsidiaries. */
    static List<DemoOrganisation> organisations() {
        List<DemoOrganisation> all = new ArrayList<>();
        int[] n = {1};
        Builder b = new Builder(all, n);
        b.add("ministry", OrganisationType.MINISTRY_BUREAU, "工业和信息化部网络安全管理局", "11", Province.BEIJING, null, null,
                false);
        for (String[] p : PROVINCE_NAMES) {
            Province province = Province.ofCode(p[0]).orElseThrow();
            b.add("admin-" + p[0], OrganisationType.PROVINCIAL_ADMINISTRATION, p[1] + "通信管理局", "11", province, null,
                    null, true);
        }
        // Basic telecom groups (filing with the Ministry) and their provincial and specialised companies.
        b.add("telecom", OrganisationType.BASIC_TELECOM_GROUP, "中国电信集团有限公司", "91", Province.BEIJING, null, null, false);
        b.add("telecom-bj", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国电信股份有限公司北京分公司", "91", Province.BEIJING, null, "telecom", true);
        b.add("telecom-sh", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国电信股份有限公司上海分公司", "91", Province.SHANGHAI, null, "telecom", true);
        b.add("telecom-gd", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国电信股份有限公司广东分公司", "91", Province.GUANGDONG, null, "telecom", true);
        b.add("telecom-sat", OrganisationType.BASIC_TELECOM_SPECIALISED, "中国电信集团卫星通信有限公司", "91", Province.BEIJING, null, "telecom", true);
        b.add("mobile", OrganisationType.BASIC_TELECOM_GROUP, "中国移动通信集团有限公司", "91", Province.BEIJING, null, null, false);
        b.add("mobile-bj", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国移动通信集团北京有限公司", "91", Province.BEIJING, null, "mobile", true);
        b.add("mobile-sh", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国移动通信集团上海有限公司", "91", Province.SHANGHAI, null, "mobile", true);
        b.add("mobile-zj", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国移动通信集团浙江有限公司", "91", Province.ZHEJIANG, null, "mobile", true);
        b.add("unicom", OrganisationType.BASIC_TELECOM_GROUP, "中国联合网络通信集团有限公司", "91", Province.BEIJING, null, null, false);
        b.add("unicom-bj", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国联合网络通信有限公司北京市分公司", "91", Province.BEIJING, null, "unicom", true);
        b.add("unicom-sh", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国联合网络通信有限公司上海市分公司", "91", Province.SHANGHAI, null, "unicom", true);
        b.add("unicom-sc", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国联合网络通信有限公司四川省分公司", "91", Province.SICHUAN, null, "unicom", true);
        b.add("cbn", OrganisationType.BASIC_TELECOM_GROUP, "中国广播电视网络集团有限公司", "91", Province.BEIJING, null, null, false);
        b.add("cbn-bj", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国广电北京网络有限公司", "91", Province.BEIJING, null, "cbn", true);
        b.add("cbn-gd", OrganisationType.BASIC_TELECOM_PROVINCIAL, "中国广电广东网络有限公司", "91", Province.GUANGDONG, null, "cbn", true);
        // Internet enterprises (names invented for the demo).
        b.add("net-bj", OrganisationType.INTERNET_ENTERPRISE, "北京云启网络科技有限公司", "91", Province.BEIJING, null, null, true);
        b.add("net-sh", OrganisationType.INTERNET_ENTERPRISE, "上海星河互联网信息服务有限公司", "91", Province.SHANGHAI, null, null, true);
        b.add("net-zj", OrganisationType.INTERNET_ENTERPRISE, "杭州西湖云计算有限公司", "91", Province.ZHEJIANG, null, null, true);
        b.add("net-gd", OrganisationType.INTERNET_ENTERPRISE, "深圳前海智联科技有限公司", "91", Province.GUANGDONG, null, null, true);
        b.add("net-sc", OrganisationType.INTERNET_ENTERPRISE, "成都天府数据服务有限公司", "91", Province.SICHUAN, null, null, true);
        // Value-added telecom enterprises: provincial licences, and one cross-regional licence from the Ministry.
        b.add("vas-bj", OrganisationType.VALUE_ADDED_TELECOM, "北京华信增值电信服务有限公司", "91", Province.BEIJING, "京B2-20180001", null, true);
        b.add("vas-bj2", OrganisationType.VALUE_ADDED_TELECOM, "北京畅联信息技术有限公司", "91", Province.BEIJING, "京B2-20190417", null, true);
        b.add("vas-sh", OrganisationType.VALUE_ADDED_TELECOM, "上海浦江数据通信有限公司", "91", Province.SHANGHAI, "沪B2-20170088", null, true);
        b.add("vas-gd", OrganisationType.VALUE_ADDED_TELECOM, "广州南方信息服务有限公司", "91", Province.GUANGDONG, "粤B2-20200321", null, true);
        b.add("vas-cross", OrganisationType.VALUE_ADDED_TELECOM, "中数通达信息技术有限公司", "91", Province.BEIJING, "B2-20160026", null, true);
        // Domain name bodies (filing with the Ministry).
        b.add("registry", OrganisationType.DOMAIN_REGISTRY, "中国互联网络信息中心", "12", Province.BEIJING, null, null, false);
        b.add("registrar-bj", OrganisationType.DOMAIN_REGISTRAR, "北京域通网络技术有限公司", "91", Province.BEIJING, null, null, false);
        b.add("registrar-fj", OrganisationType.DOMAIN_REGISTRAR, "厦门鹭岛域名服务有限公司", "91", Province.FUJIAN, null, null, false);
        // Testing agencies (专业技术机构) and another department.
        b.add("agency-1", OrganisationType.TESTING_AGENCY, "中国信息通信研究院", "12", Province.BEIJING, null, null, false);
        b.add("agency-2", OrganisationType.TESTING_AGENCY, "国家计算机网络应急技术处理协调中心", "12", Province.BEIJING, null, null, false);
        b.add("agency-3", OrganisationType.TESTING_AGENCY, "工业和信息化部电子第五研究所", "12", Province.GUANGDONG, null, null, false);
        b.add("otherdept", OrganisationType.OTHER_DEPARTMENT, "北京市公安局网络安全保卫总队", "11", Province.BEIJING, null, null, true);
        // Beijing's cyberspace administration, coordinating the province's inspection calendar (docs/sharing.md).
        b.add("cac-bj", OrganisationType.OTHER_DEPARTMENT, "北京市互联网信息办公室（北京市网信办）", "11", Province.BEIJING, null, null, true);
        return List.copyOf(all);
    }

    /** Which department another department's demo organisation is (the rest are OTHER). */
    static DepartmentKind departmentKind(String key) {
        return switch (key) {
            case "otherdept" -> DepartmentKind.PUBLIC_SECURITY;
            case "cac-bj" -> DepartmentKind.CYBERSPACE_ADMINISTRATION;
            default -> DepartmentKind.OTHER;
        };
    }

    /** One account per role, and a value-added operator whose username is its licence number. */
    static List<DemoAccount> accounts() {
        return List.of(
                new DemoAccount("ministry", "部网络安全管理局 张明", "ministry", Role.MINISTRY_OFFICER),
                new DemoAccount("beijing", "北京市通信管理局 李华", "admin-110000", Role.PROVINCIAL_OFFICER),
                new DemoAccount("shanghai", "上海市通信管理局 王芳", "admin-310000", Role.PROVINCIAL_OFFICER),
                new DemoAccount("operator", "中国电信北京分公司 赵强", "telecom-bj", Role.OPERATOR_ADMIN),
                new DemoAccount("staff", "中国电信北京分公司 孙丽", "telecom-bj", Role.OPERATOR_STAFF),
                new DemoAccount("group", "中国电信集团 周伟", "telecom", Role.OPERATOR_ADMIN),
                new DemoAccount("京B2-20180001", "北京华信增值电信 吴敏", "vas-bj", Role.OPERATOR_ADMIN),
                new DemoAccount("beijing2", "北京市通信管理局 钱进", "admin-110000", Role.PROVINCIAL_OFFICER),
                new DemoAccount("inspector", "中国信息通信研究院 郑涛", "agency-1", Role.INSPECTOR),
                new DemoAccount("inspector2", "中国信息通信研究院 何静", "agency-1", Role.INSPECTOR),
                new DemoAccount("inspector3", "中国信息通信研究院 吕斌", "agency-1", Role.INSPECTOR),
                new DemoAccount("inspector4", "国家互联网应急中心 施洋", "agency-2", Role.INSPECTOR),
                new DemoAccount("inspector5", "国家互联网应急中心 张婷", "agency-2", Role.INSPECTOR),
                new DemoAccount("inspector6", "电子第五研究所 孔亮", "agency-3", Role.INSPECTOR),
                new DemoAccount("inspector7", "电子第五研究所 曹雪", "agency-3", Role.INSPECTOR),
                new DemoAccount("otherdept", "北京市公安局 冯军", "otherdept", Role.OTHER_DEPARTMENT_USER),
                new DemoAccount("cac", "北京市网信办 林涛", "cac-bj", Role.OTHER_DEPARTMENT_USER),
                new DemoAccount("sysadmin", "系统管理员 陈静", "ministry", Role.SYSTEM_ADMIN),
                new DemoAccount("secadmin", "安全管理员 褚磊", "ministry", Role.SECURITY_ADMIN),
                new DemoAccount("auditor", "安全审计员 卫红", "ministry", Role.AUDIT_ADMIN));
    }

    private record Builder(List<DemoOrganisation> all, int[] counter) {
        void add(String key, OrganisationType type, String name, String codePrefix, Province province, String licence,
                String parentKey, boolean withProvince) {
            all.add(new DemoOrganisation(key, type, name, creditCode(codePrefix, province, counter[0]++),
                    withProvince ? province : null, licence, parentKey));
        }
    }
}
