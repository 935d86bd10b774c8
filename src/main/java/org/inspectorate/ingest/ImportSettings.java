package org.inspectorate.ingest;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** The import's configuration ({@code inspectorate.import.*}). */
@Component
class ImportSettings {

    final long maxSize;
    final int threads;
    final Duration heartbeat;
    final Duration expireAfter;
    final Path tempDir;

    ImportSettings(@Value("${inspectorate.import.max-size:512MB}") DataSize maxSize,
            @Value("${inspectorate.import.threads:1}") int threads,
            @Value("${inspectorate.import.heartbeat:10s}") Duration heartbeat,
            @Value("${inspectorate.import.expire-after:2m}") Duration expireAfter,
            @Value("${inspectorate.import.temp-dir:${java.io.tmpdir}}") String tempDir) {
        this.maxSize = maxSize.toBytes();
        this.threads = Math.max(1, threads);
        this.heartbeat = heartbeat;
        this.expireAfter = expireAfter;
        this.tempDir = Path.of(tempDir);
        if (expireAfter.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalArgumentException("inspectorate.import.expire-after must be at least three heartbeats");
        }
    }
}
