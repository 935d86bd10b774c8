package org.inspectorate.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.inspectorate.bench.BulkTable.Vendor;
import org.inspectorate.organisation.OrganisationType;

/**
 * One generation: the connection, the preset, the seed and the day the data is generated for, and what the
 * earlier steps made that the later ones refer to (operators, their units and accounts). Every identifier starts
 * after what the database already holds, so that a database with other data (the test JVM's shared H2) takes the
 * dataset beside it.
 */
final class DatasetRun {

    final Connection connection;
    final Vendor vendor;
    final Preset preset;
    final long seed;
    final LocalDate today;
    final Instant now;
    /** Base64 key that seals TOTP secrets, as the application is configured ({@code inspectorate.security.mfa-seal-key}). */
    final String mfaSealKey;
    /** The prefix of every generated username: {@code n-}, or {@code n2-}, {@code n3-}… when it is taken. */
    String accountPrefix;

    // the directory
    long ministryId;
    final long[] adminIds = new long[NationalNames.PROVINCES.size()];
    long[] orgIds;
    OrganisationType[] types;
    /** Registered province code, or null (groups, domain bodies, nationwide specialised companies). */
    String[] provinces;
    /** Filing authority's province code, or null for the Ministry. */
    String[] authorities;
    int bigOperator;

    // the units: those of operator i are unitFirst[i] .. unitFirst[i] + unitCount[i] - 1 (indexes into unitIds)
    long[] unitIds;
    int[] unitFirst;
    int[] unitCount;

    // the findings: ids firstFindingId .. firstFindingId + preset.findings() - 1
    long firstFindingId;

    DatasetRun(Connection connection, Preset preset, long seed, LocalDate today, String mfaSealKey)
            throws SQLException {
        this.connection = connection;
        this.vendor = Vendor.of(connection);
        this.preset = preset;
        this.seed = seed;
        this.today = today;
        this.now = today.atTime(10, 0).toInstant(ZoneOffset.UTC);
        this.mfaSealKey = mfaSealKey;
    }

    /** A random source of its own for each step, so that one step's draws never shift another's. */
    SplittableRandom random(String step) {
        return new SplittableRandom(seed * 31 + step.hashCode());
    }

    BulkTable table(String table, String... columns) {
        return BulkTable.open(connection, vendor, table, columns);
    }

    /** The first free id of {@code table}. */
    long nextId(String table) throws SQLException {
        return single("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
    }

    long single(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    void update(String sql, Object... params) throws SQLException {
        try (PreparedStatement p = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                p.setObject(i + 1, params[i]);
            }
            p.executeUpdate();
        }
    }

    /**
     * After ids were written explicitly: the identity of each table continues after the highest id, so that the
     * application's own inserts never collide (MariaDB's AUTO_INCREMENT moves by itself).
     */
    void continueIdentities(List<String> tables) throws SQLException {
        if (vendor == Vendor.MARIADB) {
            return;
        }
        for (String t : tables) {
            long next = nextId(t);
            try (Statement s = connection.createStatement()) {
                s.execute("ALTER TABLE " + t + " ALTER COLUMN id RESTART WITH " + next);
            }
        }
    }

    /** Commits the step's work; the dataset is loaded step by step. */
    void commit() throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    int operators() {
        return orgIds.length;
    }
}
