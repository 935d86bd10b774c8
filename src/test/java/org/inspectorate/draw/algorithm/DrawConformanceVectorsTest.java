package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Our verifier over every conformance vector in docs/draw-conformance gives the verdict expected.txt lists, and the
 * committed vectors are exactly what {@link DrawConformanceVectorWriter} writes.
 */
class DrawConformanceVectorsTest {

    private static final Path VECTORS = Path.of("docs/draw-conformance");

    @Test
    void everyConformanceVectorGetsItsExpectedVerdictAndEveryVectorHasOne() throws IOException {
        Map<String, String> expected;
        try (Stream<String> lines = Files.lines(VECTORS.resolve("expected.txt"))) {
            expected = lines.filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(" "))
                    .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        }
        try (Stream<Path> files = Files.list(VECTORS)) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")))
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
        }
        assertThat(expected).containsValue("MATCH").containsValue("MISMATCH");
        expected.forEach((file, verdict) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = VerifyDrawCli.run(new String[] {VECTORS.resolve(file).toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).as(file).startsWith(verdict + "\n");
            assertThat(exit).as(file).isEqualTo(verdict.equals("MATCH") ? 0 : 1);
        });
    }

    @Test
    void theCommittedVectorsAreThoseTheWriterWritesSoAChangeOfTheFormatRewritesThem() throws IOException {
        for (Map.Entry<String, byte[]> v : DrawConformanceVectorWriter.vectors().entrySet()) {
            assertThat(Files.readAllBytes(VECTORS.resolve(v.getKey())))
                    .as(v.getKey() + ": run DrawConformanceVectorWriter.main and commit docs/draw-conformance")
                    .isEqualTo(v.getValue());
        }
    }
}
