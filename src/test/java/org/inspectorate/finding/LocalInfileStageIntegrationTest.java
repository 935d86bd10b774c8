package org.inspectorate.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.inspectorate.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** MariaDB's stage sends its rows in chunks that each end with a whole row, escapes and all. */
@DatabaseTest
@EnabledIfEnvironmentVariable(named = "INSPECTORATE_DB_URL", matches = "jdbc:mariadb:.*")
class LocalInfileStageIntegrationTest {

    @Autowired
    ScanImports scans;
    @Autowired
    FindingRegister register;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void rowsSentInManySmallChunksAllArriveWholeWithTheirTabsNewlinesBackslashesAndNulls() throws Exception {
        // tabs, newlines, a backslash and a \\N-looking text: what the text format escapes
        String tricky = "line one\n\tline two \\ and a literal \\N, 中文 ".repeat(30);
        List<Object> result = new TransactionTemplate(transactions).execute(status -> {
            StagedMerge merge = register.staged(StagedMerge.Dialect.MARIADB);
            merge.createStage();
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                LocalInfileStage stage = LocalInfileStage.open(connection, 4096);
                ScanImports.Preparer preparer = new ScanImports.Preparer(scans, Instant.parse("2026-12-08T00:00:00Z"));
                for (int i = 0; i < 300; i++) {
                    ScanImports.Item item = new ScanImports.Item(1, "203.0.113.1:443/tcp", "key-" + i, "title " + i,
                            tricky + i, Category.VULNERABILITY, Severity.HIGH, List.of("CVE-2021-44228"), null, null,
                            null, i % 2 == 0 ? null : "evidence", Set.of(), null, i % 3 == 0, null, "203.0.113.1",
                            null);
                    StagedImportSession.row(stage.out(), preparer.prepare(item));
                    stage.rowEnded();
                }
                stage.end();
                List<Object> seen = List.of(stage.loads(),
                        jdbc.sql("SELECT COUNT(*) FROM finding_import_stage").query(Integer.class).single(),
                        jdbc.sql("SELECT description FROM finding_import_stage WHERE dedup_key = 'key-299'")
                                .query(String.class).single(),
                        jdbc.sql("SELECT COUNT(*) FROM finding_import_stage WHERE evidence IS NULL")
                                .query(Integer.class).single(),
                        jdbc.sql("SELECT COUNT(*) FROM finding_import_stage WHERE suppressed = TRUE")
                                .query(Integer.class).single(),
                        // row numbers are unique (each load reserves a block of them: not consecutive across loads)
                        jdbc.sql("SELECT COUNT(DISTINCT seq) FROM finding_import_stage").query(Long.class).single());
                merge.dropStage();
                return seen;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        });
        // the writer hands the buffer 64 KB at a time: about 420 KB of rows go in six or more loads
        assertThat((int) result.get(0)).as("loads, the empty one that opens the stage included").isGreaterThan(5);
        assertThat(result.subList(1, 6)).containsExactly(300, tricky + 299, 150, 100, 300L);
    }
}
