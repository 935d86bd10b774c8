package org.inspectorate.filing;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Filing numbers (备案编号) {@code <authority code>-<year>-<6-digit sequence>}: one sequence per authority and
 * year, in SQL, so that concurrent acceptances on several nodes never share a number.
 */
@Component
class FilingNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate separateTransaction;

    FilingNumbers(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.separateTransaction = new TransactionTemplate(transactions);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number of the authority this year, in the caller's transaction. */
    String next(FilingAuthority authority) {
        int year = LocalDate.now(clock).getYear();
        String code = authority.code();
        if (!sequenceExists(code, year)) {
            // Created in its own transaction so that a lost race on the first number of a year does
            // not abort the decision's transaction (PostgreSQL aborts a transaction after any error).
            try {
                separateTransaction.executeWithoutResult(s -> createSequence(code, year));
            } catch (DuplicateKeyException e) {
                // another node created it first
            }
        }
        return String.format("%s-%d-%06d", code, year, nextSequence(code, year));
    }

    private boolean sequenceExists(String authorityCode, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM filing_number_sequence WHERE authority_code = :a AND seq_year = :y")
                .param("a", authorityCode).param("y", year).query(Long.class).single() > 0;
    }

    private void createSequence(String authorityCode, int year) {
        jdbc.sql("INSERT INTO filing_number_sequence (authority_code, seq_year, last_value) VALUES (:a, :y, 0)")
                .param("a", authorityCode).param("y", year).update();
    }

    /** The next number of the authority's year; the row stays locked until the transaction ends. */
    private long nextSequence(String authorityCode, int year) {
        int updated = jdbc.sql("""
                UPDATE filing_number_sequence SET last_value = last_value + 1
                WHERE authority_code = :a AND seq_year = :y""")
                .param("a", authorityCode).param("y", year).update();
        if (updated != 1) {
            throw new IllegalStateException("no filing number sequence for " + authorityCode + " " + year);
        }
        return jdbc.sql("SELECT last_value FROM filing_number_sequence WHERE authority_code = :a AND seq_year = :y")
                .param("a", authorityCode).param("y", year).query(Long.class).single();
    }
}
