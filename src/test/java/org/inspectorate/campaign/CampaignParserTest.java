package org.inspectorate.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import java.util.Objects;
import org.inspectorate.finding.Severity;
import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.inspectorate.system.InvalidInputException;
import org.junit.jupiter.api.Test;

class CampaignParserTest {

    private final CampaignParser parser = new CampaignParser();

    static String shipped2018() throws IOException {
        try (InputStream in = CampaignParserTest.class.getResourceAsStream("/campaigns/2018.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** A small valid definition that tests vary one field at a time. */
    static String minimal(String code) {
        return """
                code: %s
                year: 2018
                title: { zh: 测试检查, en: Test campaign }
                basis:
                  - { id: CSL, kind: CYBERSECURITY_LAW, title: { zh: 网络安全法, en: Cybersecurity Law } }
                focusObjects:
                  - { id: DNS, name: { zh: 域名系统, en: DNS } }
                operatorTypes: [BASIC_TELECOM_GROUP, INTERNET_ENTERPRISE]
                checklist:
                  - id: G1
                    title: { zh: 组一, en: Group one }
                    items:
                      - { id: A-1, text: { zh: 检查项一, en: Item one }, basis: [CSL] }
                      - { id: A-2, text: { zh: 检查项二, en: Item two }, basis: [{ ref: CSL, clause: 第二十一条 }] }
                deadlines:
                  - id: D1
                    kind: SELF_INSPECTION_REPORT
                    from: [BASIC_TELECOM_GROUP]
                    recipient: MINISTRY
                    due: 2018-09-30
                    title: { zh: 自查报告, en: Self-inspection report }
                sla: { HIGH: 15, MEDIUM: 30, LOW: 90 }
                """.formatted(code);
    }

    private List<FieldProblem> problemsOf(String yaml) {
        try {
            parser.parse(yaml.getBytes(StandardCharsets.UTF_8));
        } catch (InvalidInputException e) {
            return e.problems();
        }
        throw new AssertionError("expected the definition to be rejected");
    }

    private static boolean names(FieldProblem p, String field, String code, String value) {
        return Objects.equals(p.field(), field) && p.code().equals(code)
                && (value == null || List.of(p.args()).contains(value));
    }

    @Test
    void theShipped2018CampaignParsesWithTheNoticesScheduleAndRules() throws IOException {
        CampaignDefinition d = parser.parse(shipped2018().getBytes(StandardCharsets.UTF_8));

        assertThat(d.code()).isEqualTo("NSC-2018");
        assertThat(d.year()).isEqualTo(2018);
        assertThat(d.reference()).isEqualTo("工信厅网安函〔2018〕261号");
        assertThat(d.basis()).extracting(LegalBasis::kind).containsExactly(BasisKind.values());
        assertThat(d.focusObjects()).hasSize(13);
        assertThat(d.checklist()).hasSize(5);
        assertThat(d.checklistItems()).hasSize(28)
                .allSatisfy(item -> assertThat(item.basis()).isNotEmpty());
        assertThat(d.spotCheckMethods()).containsExactly(CheckMethod.INTERVIEW, CheckMethod.DOCUMENT_REVIEW,
                CheckMethod.ON_SITE_TEST, CheckMethod.REMOTE_PENETRATION_TEST, CheckMethod.CODE_REVIEW);

        LocalDate selfReportDue = LocalDate.of(2018, 9, 30);
        assertThat(d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, OrganisationType.BASIC_TELECOM_GROUP))
                .hasValueSatisfying(x -> {
                    assertThat(x.recipient()).isEqualTo(Recipient.MINISTRY);
                    assertThat(x.due()).isEqualTo(selfReportDue);
                });
        assertThat(d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, OrganisationType.DOMAIN_REGISTRAR))
                .hasValueSatisfying(x -> assertThat(x.recipient()).isEqualTo(Recipient.MINISTRY));
        assertThat(d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, OrganisationType.BASIC_TELECOM_PROVINCIAL))
                .hasValueSatisfying(x -> {
                    assertThat(x.recipient()).isEqualTo(Recipient.LOCAL_ADMINISTRATION);
                    assertThat(x.due()).isEqualTo(selfReportDue);
                });
        assertThat(d.deadlineFor(DeadlineKind.SELF_INSPECTION_REPORT, OrganisationType.INTERNET_ENTERPRISE))
                .hasValueSatisfying(x -> assertThat(x.recipient()).isEqualTo(Recipient.LOCAL_ADMINISTRATION));
        assertThat(d.deadlineFor(DeadlineKind.PROVINCIAL_SUMMARY, OrganisationType.PROVINCIAL_ADMINISTRATION))
                .hasValueSatisfying(x -> {
                    assertThat(x.recipient()).isEqualTo(Recipient.MINISTRY);
                    assertThat(x.due()).isEqualTo(LocalDate.of(2018, 10, 31));
                });

        assertThat(d.slaDays(Severity.HIGH)).isLessThan(d.slaDays(Severity.MEDIUM));
        assertThat(d.slaDays(Severity.MEDIUM)).isLessThan(d.slaDays(Severity.LOW));
        assertThat(d.sampling()).anySatisfy(rule -> {
            assertThat(rule.target()).isEqualTo(OrganisationType.VALUE_ADDED_TELECOM);
            assertThat(rule.scope()).isEqualTo(SamplingScope.PER_PROVINCE);
            assertThat(rule.drawnBy()).isEqualTo(OrganisationType.PROVINCIAL_ADMINISTRATION);
            assertThat(rule.minimum()).isEqualTo(10);
        });
        assertThat(d.sampling()).anySatisfy(rule -> {
            assertThat(rule.target()).isEqualTo(OrganisationType.BASIC_TELECOM_PROVINCIAL);
            assertThat(rule.all()).isTrue();
        });
        assertThat(d.scoringStandardFor(OrganisationType.BASIC_TELECOM_PROVINCIAL))
                .hasValueSatisfying(s -> assertThat(s.totalPoints()).isEqualByComparingTo("6"));
        assertThat(d.scoringStandardFor(OrganisationType.BASIC_TELECOM_SPECIALISED))
                .hasValueSatisfying(s -> assertThat(s.categories()).hasSize(6));
    }

    @Test
    void theShipped2018FileExplainsWhyItUsesTheThirtiethOfSeptember() throws IOException {
        String text = shipped2018();
        assertThat(text).contains("2018年9月31日").contains("2018-09-31 does not exist").contains("2018-09-30");
    }

    @Test
    void theExampleInTheSchemaDocumentParses() throws IOException {
        String doc = Files.readString(Path.of("docs/campaign-schema.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String example = doc.substring(start, doc.indexOf("```", start));
        CampaignDefinition d = parser.parse(example.getBytes(StandardCharsets.UTF_8));
        assertThat(d.code()).isEqualTo("NSC-2019");
        assertThat(d.scoring().get(0).totalPoints()).isEqualByComparingTo("2");
    }

    @Test
    void aDuplicateItemIdIsFoundEvenWhenTheFirstItemHasProblemsOfItsOwn() {
        assertThat(problemsOf(minimal("T-1").replace("id: A-2", "id: A-1").replace("basis: [CSL] }", "basis: [] }")))
                .anyMatch(p -> names(p, "checklist[0].items[1].id", "campaign.item.duplicateId", "A-1"))
                .anyMatch(p -> names(p, "checklist[0].items[0].basis", "campaign.item.noBasis", "A-1"));
    }

    @Test
    void aMinimalDefinitionParses() {
        CampaignDefinition d = parser.parse(minimal("T-1").getBytes(StandardCharsets.UTF_8));
        assertThat(d.checklistItems()).extracting(ChecklistItem::id).containsExactly("A-1", "A-2");
        assertThat(d.checklistItems().get(1).basis().get(0).clause()).isEqualTo("第二十一条");
        assertThat(d.sampling()).isEmpty();
    }

    @Test
    void theNonExistentThirtyFirstOfSeptemberFailsNamingTheFieldAndTheValue() {
        List<FieldProblem> problems = problemsOf(minimal("T-1").replace("2018-09-30", "2018-09-31"));
        assertThat(problems).singleElement()
                .matches(p -> names(p, "deadlines[0].due", "campaign.date.invalid", "2018-09-31"));
    }

    @Test
    void datesMustBeStrictIsoDates() {
        assertThat(problemsOf(minimal("T-1").replace("2018-09-30", "2018-9-30")))
                .anyMatch(p -> names(p, "deadlines[0].due", "campaign.date.invalid", "2018-9-30"));
        assertThat(problemsOf(minimal("T-1").replace("2018-09-30", "2018-02-29")))
                .anyMatch(p -> names(p, "deadlines[0].due", "campaign.date.invalid", "2018-02-29"));
    }

    @Test
    void anUnknownOperatorTypeFails() {
        assertThat(problemsOf(minimal("T-1").replace("[BASIC_TELECOM_GROUP, INTERNET_ENTERPRISE]",
                "[BASIC_TELECOM_GROUP, SATELLITE_OPERATOR]")))
                .anyMatch(p -> names(p, "operatorTypes[1]", "campaign.organisationType.unknown", "SATELLITE_OPERATOR"));
    }

    @Test
    void aRegulatorIsNotAnOperatorTypeInScope() {
        assertThat(problemsOf(minimal("T-1").replace("[BASIC_TELECOM_GROUP, INTERNET_ENTERPRISE]",
                "[BASIC_TELECOM_GROUP, MINISTRY_BUREAU]")))
                .anyMatch(p -> names(p, "operatorTypes[1]", "campaign.organisationType.notOperator", "MINISTRY_BUREAU"));
    }

    @Test
    void aChecklistItemWithoutBasisFails() {
        assertThat(problemsOf(minimal("T-1").replace(", basis: [CSL] }", " }")))
                .anyMatch(p -> names(p, "checklist[0].items[0].basis", "campaign.item.noBasis", "A-1"));
        assertThat(problemsOf(minimal("T-1").replace("basis: [CSL] }", "basis: [] }")))
                .anyMatch(p -> names(p, "checklist[0].items[0].basis", "campaign.item.noBasis", "A-1"));
    }

    @Test
    void aChecklistItemCitingAnUndeclaredBasisFails() {
        assertThat(problemsOf(minimal("T-1").replace("basis: [CSL] }", "basis: [GDPR] }")))
                .anyMatch(p -> names(p, "checklist[0].items[0].basis[0]", "campaign.basis.unknownRef", "GDPR"));
    }

    @Test
    void duplicateItemIdsFail() {
        assertThat(problemsOf(minimal("T-1").replace("id: A-2", "id: A-1")))
                .anyMatch(p -> names(p, "checklist[0].items[1].id", "campaign.item.duplicateId", "A-1"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String bad = minimal("t 1").replace("2018-09-30", "2018-09-31").replace("id: A-2", "id: A-1")
                .replace("INTERNET_ENTERPRISE]", "NOBODY]").replace("LOW: 90", "LOW: 0");
        assertThat(problemsOf(bad)).extracting(FieldProblem::field)
                .contains("code", "deadlines[0].due", "checklist[0].items[1].id", "operatorTypes[1]", "sla.LOW");
    }

    @Test
    void unknownFieldsAreReportedSoThatTyposDoNotPassSilently() {
        assertThat(problemsOf(minimal("T-1").replace("sla:", "slaa: { HIGH: 1 }\nsla:")))
                .anyMatch(p -> names(p, "slaa", "campaign.field.unknown", "slaa"));
    }

    @Test
    void everySeverityNeedsSlaDays() {
        assertThat(problemsOf(minimal("T-1").replace(", LOW: 90", "")))
                .anyMatch(p -> names(p, "sla.LOW", "campaign.field.required", null));
    }

    @Test
    void scoringDeductionsMayNotExceedThePointsAndTotalsMustAdd() {
        String scoring = minimal("T-1") + """
                scoring:
                  - id: S1
                    title: { zh: 评分, en: Scoring }
                    appliesTo: [BASIC_TELECOM_GROUP]
                    totalPoints: 3
                    categories:
                      - id: C1
                        title: { zh: 类别, en: Category }
                        items:
                          - { id: I1, requirement: { zh: 要求, en: Requirement }, checkedBy: [INTERVIEW], points: 1, deduction: 1.5 }
                """;
        assertThat(problemsOf(scoring))
                .anyMatch(p -> names(p, "scoring[0].categories[0].items[0].deduction",
                        "campaign.scoring.deductionExceedsPoints", "1.5"))
                .noneMatch(p -> "scoring[0].totalPoints".equals(p.field()));
        String valid = scoring.replace("deduction: 1.5", "deduction: 0.25");
        assertThat(problemsOf(valid)).singleElement()
                .matches(p -> names(p, "scoring[0].totalPoints", "campaign.scoring.totalMismatch", "3"));
        ScoringItem item = parser.parse(valid.replace("totalPoints: 3", "totalPoints: 1").getBytes(StandardCharsets.UTF_8))
                .scoring().get(0).categories().get(0).items().get(0);
        assertThat(item.scoreAfter(2)).isEqualByComparingTo(new BigDecimal("0.5"));
        assertThat(item.scoreAfter(9)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aYamlBombIsRejectedClearly() {
        String bomb = """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                """;
        assertThat(problemsOf(bomb)).singleElement()
                .matches(p -> p.field() == null && p.code().equals("campaign.yaml.tooManyAliases"));
    }

    @Test
    void deepNestingIsRejectedClearly() {
        String deep = "a: " + "[".repeat(60) + "]".repeat(60);
        assertThat(problemsOf(deep)).singleElement().matches(p -> p.code().equals("campaign.yaml.tooDeep"));
    }

    @Test
    void anOversizedFileIsRejectedBeforeParsing() {
        byte[] big = ("# " + "x".repeat(CampaignParser.MAX_BYTES) + "\n").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> parser.parse(big)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).singleElement().matches(p -> p.code().equals("campaign.file.tooLarge")));
    }

    @Test
    void javaObjectTagsAreNeverConstructed() {
        assertThat(problemsOf("code: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[]]]\n"))
                .singleElement().matches(p -> p.code().equals("campaign.yaml.syntax"));
    }

    @Test
    void syntaxErrorsNameTheLine() {
        assertThat(problemsOf("code: T-1\nyear: [2018\n")).singleElement()
                .matches(p -> p.code().equals("campaign.yaml.syntax"));
    }

    @Test
    void duplicateKeysAreRejected() {
        assertThat(problemsOf(minimal("T-1") + "year: 2019\n")).singleElement()
                .matches(p -> p.code().equals("campaign.yaml.syntax"));
    }

    @Test
    void nonUtf8AndBinaryContentAreRejected() {
        assertThat(problemsOf(new String(new byte[] {(byte) 0xC3, 0x28}, StandardCharsets.ISO_8859_1)
                + "")).isNotEmpty();
        assertThatThrownBy(() -> parser.parse(new byte[] {(byte) 0xC3, 0x28}))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("campaign.file.notUtf8"));
    }

    @Test
    void jsonIsAcceptedToo() {
        String json = """
                {"code": "J-1", "year": 2018, "title": {"zh": "测试", "en": "Test"},
                 "basis": [{"id": "CSL", "kind": "CYBERSECURITY_LAW", "title": {"zh": "网络安全法", "en": "CSL"}}],
                 "focusObjects": [{"id": "DNS", "name": {"zh": "域名系统", "en": "DNS"}}],
                 "operatorTypes": ["INTERNET_ENTERPRISE"],
                 "checklist": [{"id": "G", "title": {"zh": "组", "en": "G"},
                   "items": [{"id": "I", "text": {"zh": "项", "en": "I"}, "basis": ["CSL"]}]}],
                 "deadlines": [{"id": "D", "kind": "SELF_INSPECTION_REPORT", "from": ["INTERNET_ENTERPRISE"],
                   "recipient": "LOCAL_ADMINISTRATION", "due": "2018-09-30", "title": {"zh": "报告", "en": "Report"}}],
                 "sla": {"HIGH": 15, "MEDIUM": 30, "LOW": 90}}
                """;
        assertThat(parser.parse(json.getBytes(StandardCharsets.UTF_8)).code()).isEqualTo("J-1");
    }
}
