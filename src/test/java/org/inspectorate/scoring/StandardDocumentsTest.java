package org.inspectorate.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.inspectorate.organisation.OrganisationType;
import org.inspectorate.scoring.ScoringStandard.ItemKind;
import org.inspectorate.system.InvalidInputException;
import org.inspectorate.system.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The standard document format: the shipped examples read, the seed migration holds them, bad documents are named. */
class StandardDocumentsTest {

    private static final Path EXAMPLES = Path.of("src/main/resources/scoring/examples");
    private static final Path SEED = Path.of(
            "src/main/resources/db/migration/V202612090202__scoring_example_standards.sql");
    private static final List<String> FILES = List.of("basic-telecom-provincial.json",
            "basic-telecom-specialised.json", "value-added-telecom.json");

    private static String example(String file) throws IOException {
        return Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8);
    }

    @Test
    void theThreeExamplesReadAsHundredPointStandardsMarkedAsExamples() throws IOException {
        for (String file : FILES) {
            ScoringStandard s = StandardDocuments.read(example(file), 1);
            assertThat(s.example()).as(file).isTrue();
            assertThat(s.title()).as(file).contains("考核要点与评分标准").endsWith("(示例)");
            assertThat(s.points()).as(file).isEqualByComparingTo("100");
            assertThat(s.items()).as(file).anyMatch(i -> i.kind() == ItemKind.VETO)
                    .anyMatch(i -> i.kind() == ItemKind.FRACTION).anyMatch(i -> i.kind() == ItemKind.DEDUCTION);
        }
        assertThat(StandardDocuments.read(example("basic-telecom-provincial.json"), 1).operatorTypes())
                .containsExactly(OrganisationType.BASIC_TELECOM_PROVINCIAL);
    }

    @Test
    void theSeedMigrationHoldsExactlyTheExampleDocuments() throws IOException {
        String seed = Files.readString(SEED, StandardCharsets.UTF_8);
        JsonMapper json = JsonMapper.builder().build();
        for (String file : FILES) {
            String code = StandardDocuments.read(example(file), 1).code();
            Matcher m = Pattern.compile("'(\\{\"code\":\"" + code + "\".*?})',").matcher(seed);
            assertThat(m.find()).as(code).isTrue();
            assertThat(json.readTree(m.group(1))).as(code).isEqualTo(json.readTree(example(file)));
        }
    }

    @Test
    void aDocumentThatIsNotJsonIsRefusedAsAWhole() {
        assertThatThrownBy(() -> StandardDocuments.read("{not json", 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(FieldProblem::code).containsExactly("scoring.standard.json"));
        assertThatThrownBy(() -> StandardDocuments.read(" ", 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void everyProblemOfADocumentIsNamedWithItsPath() {
        String doc = """
                {"code":"VALUE_ADDED_TELECOM","title":"t","operatorTypes":["VALUE_ADDED_TELECOM","MINISTRY_BUREAU"],
                 "categories":[{"code":"A","title":"a","items":[
                   {"code":"A1","title":"x","kind":"DEDUCTION","points":10,"deduction":0,"floor":12},
                   {"code":"A1","title":"y","kind":"FRACTION","points":5,"fractions":[0.5,0.2]},
                   {"code":"A3","title":"z","kind":"VETO","points":3},
                   {"code":"A4","title":"w","kind":"BONUS","points":"many"}]}]}""";
        assertThatThrownBy(() -> StandardDocuments.read(doc, 1))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.code() + " " + p.args()[0])
                        .containsExactly("scoring.standard.operatorType operatorTypes[1]",
                                "scoring.standard.positive categories[0].items[0].deduction",
                                "scoring.standard.floor categories[0].items[0].floor",
                                "scoring.standard.duplicate categories[0].items[1].code",
                                "scoring.standard.fractions categories[0].items[1].fractions[1]",
                                "scoring.standard.vetoPoints categories[0].items[2].points",
                                "scoring.standard.kind categories[0].items[3].kind",
                                "scoring.standard.number categories[0].items[3].points"));
    }
}
