package org.inspectorate.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the real sample reports in {@code src/test/resources/samples} (DefectDojo's test data, BSD-3). */
final class Samples {

    private Samples() {
    }

    static List<ScannedFinding> parse(ReportFormat format, String sample) {
        try (InputStream in = open(sample)) {
            List<ScannedFinding> findings = new ArrayList<>();
            long count = new ReportParsers().parse(format, in, findings::add);
            if (count != findings.size()) {
                throw new AssertionError("count " + count + " but " + findings.size() + " findings");
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ScannedFinding> parseText(ReportFormat format, String text) {
        List<ScannedFinding> findings = new ArrayList<>();
        new ReportParsers().parse(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                findings::add);
        return findings;
    }

    static InputStream open(String sample) {
        InputStream in = Samples.class.getResourceAsStream("/samples/" + sample);
        if (in == null) {
            throw new IllegalArgumentException("no sample " + sample);
        }
        return in;
    }

    static byte[] bytes(String sample) {
        try (InputStream in = open(sample)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
