package org.inspectorate.bench;

import java.util.List;
import java.util.SplittableRandom;

import org.inspectorate.organisation.CreditCode;
import org.inspectorate.organisation.Province;

/**
 * The words the dataset is spelt with: provinces with their share of the country's operators (Beijing and Guangdong
 * far ahead, as CAICT's 2022 licence count has them: 19,750 of 110,211 local value-added licences in Beijing), company
 * names, people, and valid unified social credit codes.
 */
final class NationalNames {

    static final List<Province> PROVINCES = List.of(Province.values());

    /** Relative share of operators registered in each province, in the order of {@link Province#values()}. */
    private static final int[] WEIGHTS = {180, 25, 30, 12, 8, 22, 10, 10, 95, 60, 70, 25, 40, 14, 40, 30, 30, 24,
            140, 14, 12, 18, 35, 10, 12, 2, 18, 8, 3, 3, 7};

    private static final String[] NAMES = {"北京市", "天津市", "河北省", "山西省", "内蒙古自治区", "辽宁省", "吉林省", "黑龙江省",
            "上海市", "江苏省", "浙江省", "安徽省", "福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "广西壮族自治区",
            "海南省", "重庆市", "四川省", "贵州省", "云南省", "西藏自治区", "陕西省", "甘肃省", "青海省", "宁夏回族自治区", "新疆维吾尔自治区"};

    private static final String[] WORDS = {"云启", "星河", "智联", "数通", "华信", "畅联", "天府", "西湖", "南方", "浦江", "鹏程",
            "长风", "博远", "锐达", "恒信", "瑞通", "新航", "明德", "中数", "汇智", "凌云", "正元", "金桥", "东方"};
    private static final String[] TRADES = {"网络科技", "信息技术", "数据服务", "互联网信息服务", "通信技术", "云计算", "软件"};
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰", "涛", "明"};

    private static final int TOTAL;

    static {
        int t = 0;
        for (int w : WEIGHTS) {
            t += w;
        }
        TOTAL = t;
    }

    private NationalNames() {
    }

    /** A province drawn by its share of the country's operators. */
    static int province(SplittableRandom random) {
        return pick(random, WEIGHTS, TOTAL);
    }

    /** An index drawn with the relative {@code shares} (summing to {@code total}). */
    static int pick(SplittableRandom random, int[] shares, int total) {
        int r = random.nextInt(total);
        for (int i = 0; i < shares.length; i++) {
            r -= shares[i];
            if (r < 0) {
                return i;
            }
        }
        return 0;
    }

    static String provinceName(int index) {
        return NAMES[index];
    }

    static String company(SplittableRandom random, int province, long serial) {
        String place = NAMES[province].substring(0, 2);
        return place + WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                + TRADES[random.nextInt(TRADES.length)] + "有限公司（" + serial + "）";
    }

    static String person(SplittableRandom random) {
        return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    /**
     * A valid code: registration authority and kind ({@code 91} a company, {@code 11} a government body, {@code 12} a
     * public institution), the division, {@code N} (national dataset) and eight base-31 characters of the serial,
     * then the GB 32100 check character.
     */
    static String creditCode(String kind, String division, long serial) {
        StringBuilder s = new StringBuilder(8);
        long n = serial;
        for (int i = 0; i < 8; i++) {
            s.append(CREDIT_ALPHABET.charAt((int) (n % 31)));
            n /= 31;
        }
        String first17 = kind + division + "N" + s.reverse();
        return first17 + CreditCode.checkCharacter(first17);
    }

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
}
