package org.inspectorate.draw.algorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.inspectorate.draw.algorithm.DrawFixtures.CODE;
import static org.inspectorate.draw.algorithm.DrawFixtures.PEN;
import static org.inspectorate.draw.algorithm.DrawFixtures.draw;
import static org.inspectorate.draw.algorithm.DrawFixtures.inspectors;
import static org.inspectorate.draw.algorithm.DrawFixtures.rules;
import static org.inspectorate.draw.algorithm.DrawFixtures.seed;
import static org.inspectorate.draw.algorithm.DrawFixtures.snapshot;
import static org.inspectorate.draw.algorithm.DrawFixtures.target;
import static org.inspectorate.draw.algorithm.DrawFixtures.targets;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrawVerifierTest {

    private static final PoolSnapshot SNAPSHOT = snapshot(targets(25), inspectors(12, 2), List.of());
    private static final DrawRules RULES = rules(6, 3,
            List.of(new Quota(Map.of("province", "44"), List.of("operatorType"), 2)), Set.of(PEN, CODE), 100);
    private static final List<String> WITNESS = List.of("observer Li: 4471", "observer Wang: 0093");
    private static final PublishedDraw PUBLISHED = draw(SNAPSHOT, RULES, seed(3), WITNESS).publish(SNAPSHOT, RULES);

    private static PublishedDraw with(PoolSnapshot snapshot, DrawRules rules, DrawSeed seed, List<String> witness,
            List<TeamAssignment> result) {
        return new PublishedDraw(snapshot, rules, PUBLISHED.commitment(), seed, witness, result);
    }

    @Test
    void aPublishedDrawVerifiesAsAMatchAlsoAfterAJsonRoundTrip() {
        assertThat(DrawVerifier.verify(PUBLISHED).matches()).isTrue();
        PublishedDraw read = PublishedDraw.fromJson(PUBLISHED.toJson());
        assertThat(read.toJson()).isEqualTo(PUBLISHED.toJson());
        Verification v = DrawVerifier.verify(read);
        assertThat(v.reasons()).isEmpty();
        assertThat(v.recomputed()).isEqualTo(PUBLISHED.result());
    }

    @Test
    void aChangedSnapshotIsAMismatch() {
        List<TargetCandidate> changed = new ArrayList<>(targets(25));
        changed.set(4, target("t04", "op-other", "VALUE_ADDED_TELECOM", "44"));
        Verification v = DrawVerifier.verify(with(snapshot(changed, inspectors(12, 2), List.of()), RULES,
                PUBLISHED.seed(), WITNESS, PUBLISHED.result()));
        assertThat(v.matches()).isFalse();
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("the pool snapshot does not match the commitment"));
    }

    @Test
    void aChangedSeedIsAMismatch() {
        Verification v = DrawVerifier.verify(with(SNAPSHOT, RULES, seed(4), WITNESS, PUBLISHED.result()));
        assertThat(v.matches()).isFalse();
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("the revealed seed does not match the commitment"));
    }

    @Test
    void changedWitnessEntropyIsAMismatch() {
        Verification v = DrawVerifier.verify(with(SNAPSHOT, RULES, PUBLISHED.seed(),
                List.of("observer Li: 4471", "observer Wang: 0094"), PUBLISHED.result()));
        assertThat(v.matches()).isFalse();
        assertThat(v.reasons()).singleElement().asString().startsWith("draw ").contains(" differs: claimed target ");
    }

    @Test
    void changedRulesAreAMismatch() {
        DrawRules changed = new DrawRules(RULES.name(), RULES.version(), RULES.sampleSize(), RULES.quotas(),
                RULES.teamSize(), RULES.requiredSkills(), RULES.leaderSkill(), 99, RULES.conflictLookbackYears(),
                RULES.recentInspectionMonths());
        Verification v = DrawVerifier.verify(with(SNAPSHOT, changed, PUBLISHED.seed(), WITNESS, PUBLISHED.result()));
        assertThat(v.matches()).isFalse();
        assertThat(v.reasons()).anyMatch(r -> r.startsWith("the rules do not match the commitment"));
    }

    @Test
    void aTamperedResultIsAMismatchNamingTheDraw() {
        List<TeamAssignment> tampered = new ArrayList<>(PUBLISHED.result());
        TeamAssignment second = tampered.get(1);
        tampered.set(1, new TeamAssignment(second.targetId(), second.memberIds().get(0),
                List.of(second.leaderId(), second.memberIds().get(1))));
        Verification v = DrawVerifier.verify(with(SNAPSHOT, RULES, PUBLISHED.seed(), WITNESS, tampered));
        assertThat(v.reasons()).singleElement().asString().startsWith("draw 2 differs");

        Verification shorter = DrawVerifier.verify(with(SNAPSHOT, RULES, PUBLISHED.seed(), WITNESS,
                PUBLISHED.result().subList(0, 5)));
        assertThat(shorter.reasons()).containsExactly("the claimed result has 5 targets, the recomputed one 6");
    }

    // --- the stand-alone CLI --------------------------------------------------------------------------------------

    private static String cli(int expectedExit, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = VerifyDrawCli.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void theCliSaysMatchForAnHonestDrawAndChecksThePublishedCommitment(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("draw.json"), PUBLISHED.toJson());
        assertThat(cli(0, file.toString())).startsWith("MATCH\n").contains(PUBLISHED.commitment().digest());
        assertThat(cli(0, file.toString(), "--commitment", PUBLISHED.commitment().digest())).startsWith("MATCH\n");
        assertThat(cli(1, file.toString(), "--commitment", "0".repeat(64)))
                .startsWith("MISMATCH\n").contains("not the published " + "0".repeat(64));
    }

    @Test
    void theCliSaysMismatchForATamperedOrMalformedFile(@TempDir Path dir) throws Exception {
        String json = PUBLISHED.toJson();
        String leader = PUBLISHED.result().get(0).leaderId();
        String other = PUBLISHED.result().get(0).memberIds().get(0);
        String tampered = json.replace("\"leader\":\"" + leader + "\",\"members\":[\"" + other + "\"",
                "\"leader\":\"" + other + "\",\"members\":[\"" + leader + "\"");
        assertThat(tampered).isNotEqualTo(json);
        assertThat(cli(1, Files.writeString(dir.resolve("t.json"), tampered).toString()))
                .startsWith("MISMATCH\n").contains("draw 1 differs");

        String extraMember = json.replace("\"format\":\"inspectorate-published-draw-v2\"",
                "\"format\":\"inspectorate-published-draw-v2\",\"note\":\"x\"");
        assertThat(cli(1, Files.writeString(dir.resolve("x.json"), extraMember).toString()))
                .contains("not a valid published draw: $.note is not a known member");

        assertThat(cli(1, Files.writeString(dir.resolve("bad.json"), "{\"format\":").toString()))
                .contains("not a valid published draw: not valid JSON");
        assertThat(cli(1, dir.resolve("missing.json").toString())).contains("cannot read");
        assertThat(cli(2)).startsWith("usage:");
    }
}
