package org.inspectorate.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Every message of the importer that takes arguments, rendered with them in zh-CN and en through the path the
 * page and the API take: the value appears, never an array's identity ({@code [Ljava.lang.String;@…}) or a
 * bare placeholder.
 */
class ImportMessagesTest {

    private static final Locale[] LOCALES = {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH};
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    private final ResourceBundleMessageSource source = messageSource();
    private final ImportMessages messages = new ImportMessages(source);

    @Test
    void everyParseErrorOfAFailedImportNamesItsValuesAndWhereInBothLanguages() throws IOException {
        List<String> keys = keysWithArguments("ingest.parse.");
        assertThat(keys).contains("ingest.parse.csv-severity-invalid", "ingest.parse.host-invalid",
                "ingest.parse.port-invalid", "ingest.parse.sarif-version", "ingest.parse.malformed-sarif",
                "ingest.parse.wrong-format");
        for (String key : keys) {
            if (key.startsWith("ingest.parse.position")) {
                continue;
            }
            List<String> values = values(key, arguments(key));
            ImportJob job = ImportFixtures.job(ImportState.FAILED, 100, 40, 3, key,
                    ImportError.encode(12, 3, values.toArray()));
            for (Locale locale : LOCALES) {
                String text = messages.error(job, locale);
                assertReadable(key, locale, text);
                for (String value : values) {
                    assertThat(text).as("%s in %s", key, locale).contains(value);
                }
                assertThat(text).as("%s in %s", key, locale)
                        .contains(Locale.ENGLISH.equals(locale) ? "line 12, column 3" : "第 12 行，第 3 列");
            }
        }
    }

    @Test
    void theSeverityOfTheIssuesExampleIsNamedOnThePage() {
        ImportJob job = ImportFixtures.job(ImportState.FAILED, 100, 100, 0, "ingest.parse.csv-severity-invalid",
                ImportError.encode(2, 3, "urgent"));

        assertThat(messages.error(job, Locale.SIMPLIFIED_CHINESE)).startsWith("危险等级“urgent”无效")
                .endsWith(" (第 2 行，第 3 列)");
        assertThat(messages.error(job, Locale.ENGLISH)).startsWith("Severity \"urgent\" is invalid")
                .endsWith("(line 2, column 3)");
        assertThat(job.error()).isEqualTo(new ImportError("ingest.parse.csv-severity-invalid", 2, 3, "urgent",
                List.of("urgent")));
    }

    @Test
    void aValueWithTheSeparatorOfTheStoredDetailComesBackWhole() {
        ImportJob job = ImportFixtures.job(ImportState.FAILED, 10, 10, 0, "ingest.parse.host-invalid",
                ImportError.encode(4, 1, "a|b\\c"));

        assertThat(job.error().value()).isEqualTo("a|b\\c");
        assertThat(messages.error(job, Locale.ENGLISH)).contains("\"a|b\\c\"");
    }

    @Test
    void aDetailStoredBeforeTheEscapingStillReads() {
        ImportJob job = ImportFixtures.job(ImportState.FAILED, 10, 10, 0, "ingest.parse.wrong-format",
                "0|0|NESSUS|SARIF");

        assertThat(job.error().args()).containsExactly("NESSUS", "SARIF");
        assertThat(messages.error(job, Locale.ENGLISH))
                .isEqualTo("The chosen format is Nessus, but the file is SARIF. Choose the right format and import "
                        + "again.");
    }

    @Test
    void everyOtherImportMessageWithArgumentsShowsItsValuesInBothLanguages() throws IOException {
        for (String key : keysWithArguments("ingest.")) {
            List<String> values = values(key, arguments(key));
            for (Locale locale : LOCALES) {
                String text = source.getMessage(key, values.toArray(), locale);
                assertReadable(key, locale, text);
                values.forEach(v -> assertThat(text).as("%s in %s", key, locale).contains(v));
            }
        }
    }

    @Test
    void theProgressLineSaysWaitingReadDoneOrHowFarAFailedOneGot() {
        Locale en = Locale.ENGLISH;
        assertThat(messages.progress(ImportFixtures.job(ImportState.QUEUED, 700, 0, 0, null, null), en))
                .isEqualTo("Waiting to start (file of 700 B)");
        assertThat(messages.progress(ImportFixtures.job(ImportState.RUNNING, 3 * 1024 * 1024, 1536 * 1024, 40,
                null, null), en)).isEqualTo("1.5 MB of 3 MB read (50%), 40 findings parsed");
        assertThat(messages.progress(ImportFixtures.job(ImportState.SUCCEEDED, 900, 900, 2, null, null), en))
                .isEqualTo("Done: 900 B read, 2 findings parsed");
        ImportJob failedAtTheEnd = ImportFixtures.job(ImportState.FAILED, 900, 900, 2, "ingest.parse.malformed-csv",
                "5|0");
        assertThat(failedAtTheEnd.percent()).isEqualTo(99);
        assertThat(messages.progress(failedAtTheEnd, en)).isEqualTo(
                "Failed after reading 900 B of 900 B (99%), 2 findings parsed");
        assertThat(messages.progress(ImportFixtures.job(ImportState.FAILED, 900, 0, 0, "ingest.import.abandoned",
                null), Locale.SIMPLIFIED_CHINESE)).isEqualTo("未读取文件内容即失败");
        assertThat(messages.progress(ImportFixtures.job(ImportState.RUNNING, 2048, 1024, 0, null, null),
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("已读取 1 KB / 2 KB（50%），已解析 0 条发现");
    }

    @Test
    void sizesAreReadableFromBytesToGigabytes() {
        Locale en = Locale.ENGLISH;
        assertThat(ImportMessages.size(0, en)).isEqualTo("0 B");
        assertThat(ImportMessages.size(1023, en)).isEqualTo("1023 B");
        assertThat(ImportMessages.size(1024, en)).isEqualTo("1 KB");
        assertThat(ImportMessages.size(1536, en)).isEqualTo("1.5 KB");
        assertThat(ImportMessages.size(150 * 1024 + 300, en)).isEqualTo("150 KB");
        assertThat(ImportMessages.size(1024L * 1024 - 1, en)).isEqualTo("1 MB");
        assertThat(ImportMessages.size(512L * 1024 * 1024, en)).isEqualTo("512 MB");
        assertThat(ImportMessages.size(5L * 1024 * 1024 * 1024 / 4, en)).isEqualTo("1.3 GB");
    }

    private static void assertReadable(String key, Locale locale, String text) {
        assertThat(text).as("%s in %s", key, locale).isNotBlank().doesNotContain("[L").doesNotContain("{0")
                .doesNotContain("{1").doesNotContain("{2").doesNotContain("{3").doesNotContain(key);
    }

    /** Representative values: a format's name for the formats of a wrong-format message, else a marked value. */
    private static List<String> values(String key, int count) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            values.add("ingest.parse.wrong-format".equals(key) ? (i == 0 ? "Nmap" : "SARIF") : "v" + i + "-10.1.2.3");
        }
        return values;
    }

    private static List<String> keysWithArguments(String prefix) throws IOException {
        TreeSet<String> keys = new TreeSet<>();
        for (String file : List.of("i18n/ingest.properties", "i18n/ingest_en.properties")) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                if (key.startsWith(prefix) && PLACEHOLDER.matcher(bundle.getProperty(key)).find()) {
                    keys.add(key);
                }
            }
        }
        return List.copyOf(keys);
    }

    private static int arguments(String key) throws IOException {
        int count = 0;
        for (String file : List.of("i18n/ingest.properties", "i18n/ingest_en.properties")) {
            Matcher m = PLACEHOLDER.matcher(load(file).getProperty(key, ""));
            while (m.find()) {
                count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return count;
    }

    private static Properties load(String file) throws IOException {
        Properties bundle = new Properties();
        try (InputStream in = ImportMessagesTest.class.getClassLoader().getResourceAsStream(file)) {
            bundle.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return bundle;
    }

    /** As the application's: the same bundle files, UTF-8, no fall-back to the machine's language. */
    private static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("i18n/messages", "i18n/ingest");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
