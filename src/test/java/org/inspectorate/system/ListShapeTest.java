package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pieces every list is built from: cursor, bounded total, page result and the CSV download. */
class ListShapeTest {

    @Test
    void aCursorSurvivesItsTokenWithAnyTextAsTheSortValue() {
        Keyset cursor = new Keyset("弱口令:a,b/c 2026-06-15T02:00:00Z", 9_000_000_001L);

        assertThat(Keyset.parse(cursor.token())).isEqualTo(cursor);
        assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aBlankTokenIsTheFirstPageAndAForeignOneIsBadInputNamingTheField() {
        assertThat(Keyset.parse(" ")).isNull();
        assertThat(Keyset.parse(null)).isNull();
        for (String bad : List.of("%%%", "bm9jb2xvbg", "eDp5")) { // not Base64; "nocolon"; "x:y"
            assertThatThrownBy(() -> Keyset.parse(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).extracting(InvalidInputException.FieldProblem::field)
                            .containsExactly("after"));
        }
    }

    @Test
    void aBoundedCountIsExactUpToTheCapAndAtLeastTheCapBeyondIt() {
        assertThat(Total.bounded(10_000)).isEqualTo(new Total(10_000, false));
        assertThat(Total.bounded(10_001)).isEqualTo(new Total(10_000, true));
        assertThat(Total.boundedCountSql("SELECT 1 FROM finding WHERE organisation_id = ?"))
                .isEqualTo("SELECT COUNT(*) FROM (SELECT 1 FROM finding WHERE organisation_id = ? LIMIT 10001) counted");
    }

    @Test
    void aSeekingRequestSkipsNoRowsAndPageNumbersStopAtTheCap() {
        assertThat(new PageRequest(3, 20, null, true, new Keyset("x", 1)).offset()).isZero();
        assertThat(new PageRequest(3, 20, null, true).offset()).isEqualTo(60);
        assertThat(new PageRequest(1_000_000, 20, null, true).page()).isEqualTo(PageRequest.MAX_PAGE);
    }

    @Test
    void aPageWithABoundedTotalHasANextPageWhenItHasACursorAndNoEndlessPageCount() {
        PageResult<String> page = new PageResult<>(List.of("a"), 0, 20, Total.bounded(50_000), new Keyset("a", 1));

        assertThat(page.totalAtLeast()).isTrue();
        assertThat(page.hasNext()).isTrue();
        assertThat(page.totalPages()).isEqualTo(500);
        assertThat(new PageResult<>(List.of("a"), 0, 20, Total.exact(1), null).hasNext()).isFalse();
    }

    @Test
    void aCsvDownloadStartsWithAByteOrderMarkQuotesWhatNeedsItAndDefusesFormulas() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvExport csv = new CsvExport(out)) {
            csv.header(List.of("标题", "分数"));
            csv.values(Arrays.asList("=HYPERLINK(\"x\")", 9.8));
            csv.values(Arrays.asList("a,b", null));
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
                "\uFEFF标题,分数\r\n\"'=HYPERLINK(\"\"x\"\")\",9.8\r\n\"a,b\",\r\n");
    }
}
