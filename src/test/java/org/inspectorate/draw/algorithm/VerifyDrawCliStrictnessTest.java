package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.draw.algorithm.DrawFixtures.draw;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI verifier accepts a published file only in its one canonical form, so that every conforming verifier gives
 * the same verdict on the same bytes: a byte order mark, upper-case hex or a list out of canonical order is refused
 * although a lenient reader could repair each.
 */
class VerifyDrawCliStrictnessTest {

    private static final PoolSnapshot SNAPSHOT = snapshot(targets(12), inspectors(8, 2), List.of());
    private static final DrawRules RULES = rules(3, 2, List.of(), Set.of(DrawFixtures.PEN), 100);
    private static final PublishedDraw PUBLISHED = draw(SNAPSHOT, RULES, seed(5), List.of("witness: 17"))
            .publish(SNAPSHOT, RULES);

    @TempDir
    Path dir;

    private String cli(byte[] file) throws Exception {
        Path path = Files.write(dir.resolve("draw.json"), file);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyDrawCli.run(new String[] {path.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return exit + " " + bytes.toString(StandardCharsets.UTF_8);
    }

    private String cli(String file) throws Exception {
        return cli(file.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theCanonicalFileIsAMatch() throws Exception {
        assertThat(cli(PUBLISHED.toJson())).startsWith("0 MATCH\n");
    }

    @Test
    void aFileWithAByteOrderMarkIsRefused() throws Exception {
        assertThat(cli("\uFEFF" + PUBLISHED.toJson())).startsWith("1 MISMATCH\n").contains(VerifyDrawCli.NOT_CANONICAL);
    }

    @Test
    void anUpperCaseSeedIsRefused() throws Exception {
        String hex = PUBLISHED.seed().hex();
        String upper = PUBLISHED.toJson().replace("\"" + hex + "\"", "\"" + hex.toUpperCase(java.util.Locale.ROOT) + "\"");
        assertThat(upper).isNotEqualTo(PUBLISHED.toJson());
        assertThat(cli(upper)).startsWith("1 MISMATCH\n").contains(VerifyDrawCli.NOT_CANONICAL);
    }

    @Test
    void targetsOutOfCanonicalOrderAreRefused() throws Exception {
        String json = PUBLISHED.toJson();
        String a = CanonicalJson.write(SNAPSHOT.targets().get(0).canonical());
        String b = CanonicalJson.write(SNAPSHOT.targets().get(1).canonical());
        String swapped = json.replace(a + "," + b, b + "," + a);
        assertThat(swapped).isNotEqualTo(json);
        assertThat(cli(swapped)).startsWith("1 MISMATCH\n").contains(VerifyDrawCli.NOT_CANONICAL);
    }

    @Test
    void whiteSpaceBetweenTokensIsRefused() throws Exception {
        assertThat(cli(PUBLISHED.toJson().replaceFirst(",", ", "))).startsWith("1 MISMATCH\n")
                .contains(VerifyDrawCli.NOT_CANONICAL);
    }
}
