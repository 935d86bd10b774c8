package org.inspectorate.finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import org.inspectorate.organisation.Jurisdiction;
import org.inspectorate.organisation.Jurisdiction.SqlScope;
import org.inspectorate.organisation.Province;

/**
 * An actor's jurisdiction over the findings register as the list reads it: the whole predicate on {@code f}
 * ({@code whole}, for counts) and the index ranges it is made of ({@code ranges}), each an equality on the
 * leading column of the list's indexes — one per organisation of an operator's tree ({@code organisation_id}),
 * the officer's province ({@code province_code}), or, for the Ministry, one per province and one for operators
 * without a province. A page reads each range in the sort's order up to the page's end and merges them, so no
 * jurisdiction sorts its whole register.
 */
record FindingScope(SqlScope whole, List<SqlScope> ranges) {

    FindingScope {
        ranges = List.copyOf(ranges);
    }

    /** The jurisdiction's scope; {@code tree} names the organisations of an operator's tree (itself and its subsidiaries). */
    static FindingScope of(Jurisdiction jurisdiction, LongFunction<List<Long>> tree) {
        if (jurisdiction instanceof Jurisdiction.Nationwide) {
            return new FindingScope(new SqlScope("1 = 1", Map.of()), provinces());
        }
        if (jurisdiction instanceof Jurisdiction.InProvince p) {
            SqlScope province = new SqlScope("f.province_code = :jur_province", Map.of("jur_province", p.province().code()));
            return new FindingScope(province, List.of(province));
        }
        if (jurisdiction instanceof Jurisdiction.OrganisationTree t) {
            List<Long> ids = tree.apply(t.organisationId());
            if (ids.isEmpty()) {
                return nothing();
            }
            List<SqlScope> ranges = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                ranges.add(new SqlScope("f.organisation_id = :rng_" + i, Map.of("rng_" + i, ids.get(i))));
            }
            return new FindingScope(new SqlScope("f.organisation_id IN (:jur_orgs)", Map.of("jur_orgs", ids)), ranges);
        }
        return nothing();
    }

    /**
     * The ranges narrowed to a drill-down filter: one operator's findings are its organisation's range, one
     * province's (for the Ministry) that province's; the whole predicate still applies.
     */
    FindingScope narrowedTo(Long organisationId, String provinceCode) {
        if (organisationId != null) {
            return new FindingScope(whole, List.of(new SqlScope("f.organisation_id = :rng_org",
                    Map.of("rng_org", organisationId))));
        }
        if (provinceCode != null && ranges.size() > 1) {
            return new FindingScope(whole, List.of(new SqlScope("f.province_code = :rng_province",
                    Map.of("rng_province", provinceCode))));
        }
        return this;
    }

    /**
     * The whole scope as one range: a search reads its own index (trigram, FULLTEXT) and sorts the matches, where
     * range after range would each filter their whole range for a rare term.
     */
    FindingScope asOneRange() {
        return new FindingScope(whole, List.of(whole));
    }

    private static List<SqlScope> provinces() {
        List<SqlScope> ranges = new ArrayList<>();
        Province[] all = Province.values();
        for (int i = 0; i < all.length; i++) {
            ranges.add(new SqlScope("f.province_code = :rng_" + i, Map.of("rng_" + i, all[i].code())));
        }
        ranges.add(new SqlScope("f.province_code IS NULL", Map.of()));
        return ranges;
    }

    private static FindingScope nothing() {
        SqlScope none = new SqlScope("1 = 0", Map.of());
        return new FindingScope(none, List.of(none));
    }

    /** Every range's parameters and the whole predicate's. */
    Map<String, Object> params() {
        Map<String, Object> params = new HashMap<>(whole.params());
        ranges.forEach(r -> params.putAll(r.params()));
        return params;
    }
}
