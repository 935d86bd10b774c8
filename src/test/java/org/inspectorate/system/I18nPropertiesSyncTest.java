package org.inspectorate.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every message exists in Chinese and English, and no template hard-codes visible text. */
class I18nPropertiesSyncTest {

    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            for (Path zh : files.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
                assertThat(en).as("English bundle beside %s", zh).exists();
                assertThat(load(en).stringPropertyNames()).as("keys of %s", en)
                        .containsExactlyInAnyOrderElementsOf(load(zh).stringPropertyNames());
            }
        }
    }

    @Test
    void everyBundleIsListedInTheApplicationProperties() throws IOException {
        Properties app = load(Path.of("src/main/resources/application.properties"));
        List<String> listed = List.of(app.getProperty("spring.messages.basename").split(","));
        try (Stream<Path> files = Files.list(BUNDLES)) {
            files.map(p -> p.getFileName().toString()).filter(n -> !n.contains("_"))
                    .map(n -> "i18n/" + n.replace(".properties", ""))
                    .forEach(base -> assertThat(listed).as("spring.messages.basename").contains(base));
        }
    }

    @Test
    void templatesHaveNoHardCodedTextNorInlineScriptOrStyle() throws IOException {
        // Text between tags must come from th:text; literal words outside Thymeleaf attributes are a defect.
        Pattern literalText = Pattern.compile(">\\s*([\\p{IsHan}]+|[A-Za-z][A-Za-z ,.'-]{2,})\\s*<");
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path template : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                for (String line : Files.readAllLines(template)) {
                    if (line.contains("<script>") || line.contains(" style=\"") || line.contains("<style")
                            || line.matches(".*\\son[a-z]+=\".*")) {
                        offences.add(template + ": inline script or style: " + line.strip());
                    }
                    Matcher m = literalText.matcher(line);
                    while (m.find()) {
                        if (!line.contains("th:text") && !line.contains("th:utext") && !line.contains("th:replace")
                                && !line.contains("sec:authentication") && !line.contains("<title")
                                && !isLanguageName(m.group(1))) {
                            offences.add(template + ": hard-coded text '" + m.group(1) + "'");
                        }
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    private static boolean isLanguageName(String text) {
        // The language switch names each language in itself, whatever the page's language.
        return text.equals("中文") || text.equals("English");
    }

    private static Properties load(Path path) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
