package org.inspectorate.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.inspectorate.organisation.OrganisationType;

/**
 * Self-inspection workspaces of the shipped campaign NSC-2018 (the application installs it on its first start;
 * workspaces name it by code) and one answer per checklist item: mostly compliant, some not applicable, and the
 * non-compliant ones linked to the finding they opened (written by {@link DatasetFindings} first). The plan is
 * drawn before the findings so that both steps agree.
 */
final class DatasetSelfInspections {

    static final String CAMPAIGN = "NSC-2018";
    /** The campaign's deadline for the self-inspection report, for the operator types it names. */
    private static final LocalDate DUE = LocalDate.of(2018, 9, 30);
    static final byte COMPLIANT = 0;
    static final byte NOT_APPLICABLE = 1;
    static final byte NOT_COMPLIANT = 2;

    final List<String> items;
    /** The operator (index) of each workspace. */
    int[] workspaceOperator;
    /** The answer of item j of workspace w at w * items + j, and the finding a non-compliant one opened. */
    byte[] answers;
    long[] findingIds;
    int nonCompliant;

    private final DatasetRun run;

    DatasetSelfInspections(DatasetRun run) {
        this.run = run;
        this.items = checklistItems();
    }

    /** Which operators have a workspace and how they answered; the big operator has none (its count stays exact). */
    void plan() {
        SplittableRandom random = run.random("self-inspection-plan");
        int workspaces = Math.min(run.operators() - 1, run.preset.answers() / items.size());
        workspaceOperator = new int[workspaces];
        int others = run.operators() - 1;
        for (int w = 0; w < workspaces; w++) {
            int i = (int) ((long) w * others / workspaces);
            workspaceOperator[w] = i < run.bigOperator ? i : i + 1;
        }
        answers = new byte[workspaces * items.size()];
        findingIds = new long[answers.length];
        for (int a = 0; a < answers.length; a++) {
            int r = random.nextInt(100);
            answers[a] = r < 80 ? COMPLIANT : r < 92 ? NOT_APPLICABLE : NOT_COMPLIANT;
            if (answers[a] == NOT_COMPLIANT) {
                nonCompliant++;
            }
        }
    }

    void load() throws SQLException {
        SplittableRandom random = run.random("self-inspections");
        long id = run.nextId("self_inspection");
        try (BulkTable spaces = run.table("self_inspection", "id", "campaign_code", "organisation_id", "state",
                "recipient", "recipient_province", "due_on", "overview_text", "plans_text", "first_submitted_at",
                "submitted_at", "submitted_by", "submitted_late", "reviewed_at", "reviewed_by", "return_reason",
                "created_by", "created_at", "updated_at", "version")) {
            for (int w = 0; w < workspaceOperator.length; w++) {
                int op = workspaceOperator[w];
                workspace(spaces, random, id + w, op);
            }
        }
        try (BulkTable rows = run.table("self_inspection_answer", "self_inspection_id", "item_id", "answer", "notes",
                "finding_id", "answered_by", "answered_at")) {
            for (int w = 0; w < workspaceOperator.length; w++) {
                String by = DatasetDirectory.operatorUsername(run, workspaceOperator[w]);
                for (int j = 0; j < items.size(); j++) {
                    int a = w * items.size() + j;
                    String answer = answers[a] == COMPLIANT ? "COMPLIANT" : answers[a] == NOT_APPLICABLE
                            ? "NOT_APPLICABLE" : "NOT_COMPLIANT";
                    rows.row(id + w, items.get(j), answer, answers[a] == NOT_APPLICABLE ? "本单位无此类系统" : null,
                            answers[a] == NOT_COMPLIANT ? findingIds[a] : null, by,
                            run.now.minusSeconds(86_400L * (1 + random.nextInt(300))));
                }
            }
        }
        run.continueIdentities(List.of("self_inspection"));
        run.commit();
    }

    private void workspace(BulkTable spaces, SplittableRandom random, long id, int op) {
        OrganisationType type = run.types[op];
        boolean ministry = type == OrganisationType.BASIC_TELECOM_GROUP || type == OrganisationType.DOMAIN_REGISTRY
                || type == OrganisationType.DOMAIN_REGISTRAR || run.provinces[op] == null;
        LocalDate due = type == OrganisationType.BASIC_TELECOM_SPECIALISED ? null : DUE;
        String by = DatasetDirectory.operatorUsername(run, op);
        String reviewer = ministry ? run.accountPrefix + "ministry" : run.accountPrefix + "prov-" + run.provinces[op];
        Instant created = run.now.minusSeconds(86_400L * (200 + random.nextInt(200)));
        int r = random.nextInt(100);
        String state = r < 40 ? "IN_PROGRESS" : r < 70 ? "SUBMITTED" : r < 92 ? "ACCEPTED" : "RETURNED";
        boolean submitted = !"IN_PROGRESS".equals(state);
        Instant submittedAt = submitted ? created.plusSeconds(86_400L * (5 + random.nextInt(60))) : null;
        boolean decided = "ACCEPTED".equals(state) || "RETURNED".equals(state);
        Instant reviewedAt = decided ? submittedAt.plusSeconds(86_400L * (1 + random.nextInt(20))) : null;
        spaces.row(id, CAMPAIGN, run.orgIds[op], state, ministry ? "MINISTRY" : "LOCAL_ADMINISTRATION",
                ministry ? null : run.provinces[op], due, submitted ? "本单位按通知要求完成自查，总体情况良好。" : null,
                submitted ? "对不符合项制定整改计划，明确责任人和完成时限。" : null, submittedAt, submittedAt,
                submitted ? by : null, submitted && due != null, reviewedAt, decided ? reviewer : null,
                "RETURNED".equals(state) ? "报告未说明不符合项的整改计划。" : null, by, created,
                reviewedAt != null ? reviewedAt : submittedAt != null ? submittedAt : created, 0);
    }

    /** The checklist item ids of the shipped campaign, in order, read from its definition. */
    static List<String> checklistItems() {
        try (InputStream in = DatasetSelfInspections.class.getResourceAsStream("/campaigns/2018.yaml")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> ids = new ArrayList<>();
            boolean inChecklist = false;
            for (String line : text.split("\n")) {
                if (!line.startsWith(" ") && !line.isBlank()) {
                    inChecklist = line.startsWith("checklist:");
                } else if (inChecklist && line.startsWith("      - id: ")) {
                    ids.add(line.substring("      - id: ".length()).strip());
                }
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
