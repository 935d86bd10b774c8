package org.inspectorate.rectification;

import org.inspectorate.organisation.Province;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notice numbers (文号) {@code <authority short name>〔<year>〕<N>号}: one counter row per authority and year, moved
 * by an {@code UPDATE} that locks it until the issuing transaction ends. Concurrent issues on several nodes therefore
 * queue on the row and each gets the next number; a rolled-back issue gives its number back — no gaps, no duplicates
 * (the unique key on authority, year and number is the last guard).
 */
@Component
class NoticeNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    NoticeNumbers(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of the authority in {@code year}, in the caller's transaction. */
    RectificationNotice.Number next(String authorityCode, int year) {
        if (!exists(authorityCode, year)) {
            // Created in its own transaction: a lost race on a year's first number must not abort the issue's
            // transaction (PostgreSQL aborts a transaction after any error).
            try {
                separateTransaction.executeWithoutResult(s -> jdbc.sql("""
                        INSERT INTO rectification_number_counter (authority_code, seq_year, last_value)
                        VALUES (:a, :y, 0)""").param("a", authorityCode).param("y", year).update());
            } catch (DuplicateKeyException e) {
                // another node created it first
            }
        }
        int updated = jdbc.sql("""
                UPDATE rectification_number_counter SET last_value = last_value + 1
                WHERE authority_code = :a AND seq_year = :y""").param("a", authorityCode).param("y", year).update();
        if (updated != 1) {
            throw new IllegalStateException("no notice number counter for " + authorityCode + " " + year);
        }
        int seq = jdbc.sql("SELECT last_value FROM rectification_number_counter WHERE authority_code = :a AND seq_year = :y")
                .param("a", authorityCode).param("y", year).query(Integer.class).single();
        return new RectificationNotice.Number(year, seq, shortName(authorityCode) + "〔" + year + "〕" + seq + "号");
    }

    /**
     * The authority's short name in a number: 工信网安 for the Ministry's Cybersecurity Bureau, 京通管网安 (the
     * province's abbreviation) for a provincial administration.
     */
    static String shortName(String authorityCode) {
        if (RectificationAccess.MINISTRY.equals(authorityCode)) {
            return "工信网安";
        }
        return Province.ofCode(authorityCode).map(p -> p.abbreviation() + "通管网安").orElse(authorityCode);
    }

    private boolean exists(String authorityCode, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM rectification_number_counter WHERE authority_code = :a AND seq_year = :y")
                .param("a", authorityCode).param("y", year).query(Long.class).single() > 0;
    }
}
