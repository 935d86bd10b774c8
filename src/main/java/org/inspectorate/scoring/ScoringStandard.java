package org.inspectorate.scoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.inspectorate.organisation.OrganisationType;

/**
 * A scoring standard (考核要点与评分标准) as data: categories of items, each with its points and how it is
 * scored. The shipped standards are examples (示例) under the notice's titles, replaceable as campaign data by an
 * imported document of the same code (a new version). Plain values, validated by {@code StandardDocuments} when
 * a document is read; {@link ScoreCalculator} computes a sheet against it.
 *
 * @param code          stable key of the standard (one per kind of operator), e.g. {@code BASIC_TELECOM_PROVINCIAL}
 * @param version       1 for the shipped example, +1 for each imported replacement
 * @param title         the title as the notice names it
 * @param example       whether it is a representative example rather than the campaign's real standard
 * @param operatorTypes the operator types scored against it
 * @param vetoFloor     the total a triggered veto item (一票否决) sets the sheet to, at most
 * @param categories    the categories (考核类别) in order
 */
public record ScoringStandard(String code, int version, String title, boolean example,
        Set<OrganisationType> operatorTypes, BigDecimal vetoFloor, List<Category> categories) {

    public ScoringStandard {
        Objects.requireNonNull(code, "code");
        operatorTypes = Set.copyOf(operatorTypes);
        categories = List.copyOf(categories);
    }

    /** How an item is scored. */
    public enum ItemKind {
        /** Full points less {@code deduction} per occurrence, never below the item's floor (扣分制). */
        DEDUCTION,
        /** One of the allowed fractions of the points, e.g. 0 / 0.5 / 1 (分档计分). */
        FRACTION,
        /** No points; when triggered the whole sheet's total falls to the standard's veto floor (一票否决). */
        VETO;

        public String messageKey() {
            return "scoring.kind." + name();
        }
    }

    /** A category (考核类别) and its items. */
    public record Category(String code, String title, List<Item> items) {
        public Category {
            items = List.copyOf(items);
        }

        /** The most this category can score. */
        public BigDecimal points() {
            return items.stream().map(Item::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * An item (考核要点) with its weight.
     *
     * @param code      key of the item within the standard, e.g. {@code A1}
     * @param title     what is checked
     * @param method    how it is checked (查阅资料, 现场检测, …)
     * @param kind      how it is scored
     * @param points    its weight (0 for a veto item)
     * @param deduction what one occurrence deducts (DEDUCTION items; else zero)
     * @param floor     the least it can score (DEDUCTION items; 0 for the others)
     * @param fractions the allowed fractions of the points (FRACTION items, ascending; else empty)
     */
    public record Item(String code, String title, String method, ItemKind kind, BigDecimal points,
            BigDecimal deduction, BigDecimal floor, List<BigDecimal> fractions) {
        public Item {
            fractions = List.copyOf(fractions);
        }
    }

    /** The most a sheet can score. */
    public BigDecimal points() {
        return categories.stream().map(Category::points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Every item, category by category. */
    public List<Item> items() {
        List<Item> all = new ArrayList<>();
        categories.forEach(c -> all.addAll(c.items()));
        return all;
    }

    /** The item {@code itemCode}, if the standard has it. */
    public Optional<Item> item(String itemCode) {
        for (Category c : categories) {
            for (Item i : c.items()) {
                if (i.code().equals(itemCode)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }
}
