package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.scoring.ScoreCalculator.Mark;
import org.inspectorate.scoring.ScoringStandard.Category;
import org.inspectorate.scoring.ScoringStandard.Item;
import org.inspectorate.scoring.ScoringStandard.ItemKind;

/** Standards and marks for the scoring tests, as static factories. */
public final class ScoringFixtures {

    private ScoringFixtures() {
    }

    public static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    /** A DEDUCTION item: {@code points}, {@code deduction} per occurrence, down to {@code floor}. */
    public static Item deduction(String code, String points, String deduction, String floor) {
        return new Item(code, "扣分项 " + code, "现场检测", ItemKind.DEDUCTION, d(points), d(deduction), d(floor),
                List.of());
    }

    /** A FRACTION item of {@code points} scored 0 / 0.5 / 1 of them. */
    public static Item fraction(String code, String points) {
        return new Item(code, "分档项 " + code, "查阅资料", ItemKind.FRACTION, d(points), BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(d("0"), d("0.5"), d("1")));
    }

    public static Item veto(String code) {
        return new Item(code, "否决项 " + code, "查阅资料", ItemKind.VETO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of());
    }

    public static ScoringStandard standard(String vetoFloor, Category... categories) {
        return new ScoringStandard("TEST", 1, "测试标准", true, Set.of(OrganisationType.VALUE_ADDED_TELECOM),
                d(vetoFloor), List.of(categories));
    }

    public static Category category(String code, Item... items) {
        return new Category(code, "类别 " + code, List.of(items));
    }

    public static Mark occurrences(int n, String reason) {
        return new Mark(n, null, null, false, reason, List.of());
    }

    public static Mark fractionOf(String fraction, String reason) {
        return new Mark(null, d(fraction), null, false, reason, List.of());
    }

    public static Mark scored(String score, String reason) {
        return new Mark(null, null, d(score), false, reason, List.of());
    }

    public static Mark vetoed(boolean triggered, String reason) {
        return new Mark(null, null, null, triggered, reason, List.of());
    }

    /** A standard of {@code n} items in ten categories, alternating deduction and fraction items, one veto item. */
    public static ScoringStandard large(int n) {
        List<Category> categories = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            List<Item> items = new ArrayList<>();
            for (int i = 0; i < n / 10; i++) {
                String code = "C" + c + "I" + i;
                items.add(c == 9 && i == n / 10 - 1 ? veto(code)
                        : i % 2 == 0 ? deduction(code, "5", "1.5", "0.5") : fraction(code, "3"));
            }
            categories.add(new Category("C" + c, "类别 " + c, items));
        }
        return new ScoringStandard("LARGE", 1, "大标准", true, Set.of(OrganisationType.VALUE_ADDED_TELECOM), d("0"),
                categories);
    }
}
