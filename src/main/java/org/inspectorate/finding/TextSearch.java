package org.inspectorate.finding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The register's search ({@code q}: any part of the title, the vulnerability ids or the asset, any case) in each
 * database's own words, so that it reads an index instead of the register (docs/findings.md, "Search"):
 * <ul>
 * <li>PostgreSQL: {@code LOWER(col) LIKE '%term%'} on three pg_trgm GIN indexes (a bitmap of the matches); an
 * exact id through {@code finding_reference}'s index as an array the same bitmap takes;</li>
 * <li>MariaDB: InnoDB FULLTEXT in boolean mode, each word a prefix ({@code +remote*}), a hyphenated id a phrase;
 * what FULLTEXT cannot serve (words under 3 characters, Chinese text, which its parser does not split) falls back
 * to LIKE;</li>
 * <li>H2 (tests, demos): LIKE.</li>
 * </ul>
 */
enum TextSearch {
    LIKE, TRIGRAM, FULLTEXT;

    private static final Pattern TOKEN = Pattern.compile("[\\p{IsLatin}\\p{Nd}_]+");
    private static final Pattern SERVED_BY_FULLTEXT = Pattern.compile("[\\p{IsLatin}\\p{Nd}_.:/-]+");
    private static final int FULLTEXT_MIN_TOKEN = 3;

    /** The search of the database a product name names (JDBC metadata). */
    static TextSearch of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return TRIGRAM;
        }
        return name.contains("mariadb") || name.contains("mysql") ? FULLTEXT : LIKE;
    }

    /** The condition on {@code f} finding {@code text}; its parameters go into {@code params}. */
    String condition(String text, Map<String, Object> params) {
        String term = text.strip();
        String ref = term.toUpperCase(Locale.ROOT);
        boolean exactRef = VulnerabilityReferences.valid(ref);
        if (exactRef) {
            params.put("ref", ref);
        }
        if (this == FULLTEXT) {
            String words = booleanQuery(term);
            if (words != null) {
                params.put("ft", words);
                String match = "MATCH (f.title, f.vuln_refs, f.asset) AGAINST (:ft IN BOOLEAN MODE)";
                return exactRef ? "(" + match + " OR f.id IN (SELECT fr.finding_id FROM finding_reference fr"
                        + " WHERE fr.ref = :ref))" : match;
            }
        }
        params.put("text", "%" + term.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                .replace("_", "!_") + "%");
        String like = "LOWER(f.title) LIKE :text ESCAPE '!' OR LOWER(f.vuln_refs) LIKE :text ESCAPE '!'"
                + " OR LOWER(f.asset) LIKE :text ESCAPE '!'";
        if (!exactRef) {
            return "(" + like + ")";
        }
        // an exact id is found through finding_reference's index; vuln_refs still finds the rows stored before
        // that table (and any part of an id)
        return "(" + like + (this == TRIGRAM
                ? " OR f.id = ANY (ARRAY (SELECT fr.finding_id FROM finding_reference fr WHERE fr.ref = :ref)))"
                : " OR EXISTS (SELECT 1 FROM finding_reference fr WHERE fr.ref = :ref AND fr.finding_id = f.id))");
    }

    /**
     * The FULLTEXT boolean query of the text — every word required, a single word as a prefix, a word of several
     * tokens ({@code cve-2024-1234}, {@code host.example.cn}) as a phrase — or null when a token is too short or
     * the text holds what InnoDB's parser does not split into words.
     */
    static String booleanQuery(String text) {
        List<String> parts = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            if (!SERVED_BY_FULLTEXT.matcher(word).matches()) {
                return null;
            }
            List<String> tokens = TOKEN.matcher(word).results().map(m -> m.group().toLowerCase(Locale.ROOT)).toList();
            if (tokens.isEmpty() || tokens.stream().anyMatch(t -> t.length() < FULLTEXT_MIN_TOKEN)) {
                return null;
            }
            parts.add(tokens.size() == 1 ? "+" + tokens.get(0) + "*" : "+\"" + String.join(" ", tokens) + "\"");
        }
        return parts.isEmpty() ? null : String.join(" ", parts);
    }
}
