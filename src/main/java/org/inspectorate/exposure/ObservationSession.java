package org.inspectorate.exposure;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.inspectorate.filing.NetworkUnit;
import org.inspectorate.organisation.Actor;

/**
 * The observed services of one import (一次导入的端口观测), opened by {@link ObservedServices#session} inside the
 * import's transaction. {@link #observe} only appends to a temporary file: while the report streams, the database
 * connection may be busy with the findings register's COPY, and memory must not grow with the report.
 * {@link #finish} then writes them in JDBC batches (one read of the stored keys per batch and unit, no query per
 * row), opens the discrepancies of the new services the units' filings do not declare, and publishes the counts.
 * {@link #close} removes the file whatever happened.
 */
public final class ObservationSession implements AutoCloseable {

    static final int BATCH = 500;

    private final ObservedServices services;
    private final Actor actor;
    private final long organisationId;
    private final long importId;
    private final Map<Long, NetworkUnit> units = new HashMap<>();
    private final Path file;
    private final BufferedWriter out;
    private long observed;
    private long skipped;
    private boolean finished;

    ObservationSession(ObservedServices services, Actor actor, long organisationId, long importId, Path file)
            throws IOException {
        this.services = services;
        this.actor = actor;
        this.organisationId = organisationId;
        this.importId = importId;
        this.file = file;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    /** Keeps one open port seen on a unit's host; the same port seen twice in a report is stored once. */
    public void observe(ServiceObservation o) {
        if (finished) {
            throw new IllegalStateException("the session of import " + importId + " is finished");
        }
        try {
            out.write(o.unitId() + "\t" + text(o.host()) + "\t" + o.port() + "\t" + text(o.protocol()) + "\t"
                    + text(o.serviceName()) + "\t" + text(o.product()) + "\t" + text(o.version()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        observed++;
    }

    /** Counts an informational item about no port: it is not stored, only counted in {@link ServicesObserved}. */
    public void skip() {
        skipped++;
    }

    long skipped() {
        return skipped;
    }

    /** Writes what was observed and opens the discrepancies; call once, in the import's transaction. */
    public ObservationCounts finish() {
        if (finished) {
            throw new IllegalStateException("the session of import " + importId + " is finished");
        }
        finished = true;
        int[] counts = new int[2];
        Set<Long> touched = new HashSet<>();
        try {
            out.close();
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                Map<ObservedServiceRepository.Key, ServiceObservation> batch = new LinkedHashMap<>();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    ServiceObservation o = read(line);
                    touched.add(o.unitId());
                    batch.put(ObservedServiceRepository.Key.of(o), o);
                    if (batch.size() >= BATCH) {
                        write(batch, counts);
                    }
                }
                write(batch, counts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int opened = services.openDiscrepancies(this, touched, importId);
        ObservationCounts result = new ObservationCounts(observed, counts[0], counts[1], opened);
        services.finished(this, importId, result);
        return result;
    }

    /** Removes the temporary file; what was not finished is not stored. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            // the file goes anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }

    private void write(Map<ObservedServiceRepository.Key, ServiceObservation> batch, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Long, List<ServiceObservation>> byUnit = new HashMap<>();
        batch.values().forEach(o -> byUnit.computeIfAbsent(o.unitId(), u -> new ArrayList<>()).add(o));
        List<ServiceObservation> fresh = new ArrayList<>();
        Map<Long, ServiceObservation> again = new HashMap<>();
        byUnit.forEach((unit, list) -> {
            Set<String> hosts = new HashSet<>();
            list.forEach(o -> hosts.add(o.host()));
            Map<ObservedServiceRepository.Key, ObservedServiceRepository.Known> known = services.known(this, unit, hosts);
            for (ServiceObservation o : list) {
                ObservedServiceRepository.Known k = known.get(ObservedServiceRepository.Key.of(o));
                if (k == null) {
                    fresh.add(o);
                    counts[0]++;
                } else {
                    again.put(k.id(), o);
                    if (k.lastImportId() != importId) { // not a repeat of this report's own lines
                        counts[1]++;
                    }
                }
            }
        });
        services.store(this, fresh, again, importId);
        batch.clear();
    }

    Actor actor() {
        return actor;
    }

    long organisationId() {
        return organisationId;
    }

    /** The units met so far, each read once. */
    Map<Long, NetworkUnit> units() {
        return units;
    }

    private static String text(String s) {
        return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static ServiceObservation read(String line) {
        String[] f = line.split("\t", -1);
        return new ServiceObservation(Long.parseLong(f[0]), f[1], Integer.parseInt(f[2]), f[3], f[4], f[5], f[6]);
    }
}
