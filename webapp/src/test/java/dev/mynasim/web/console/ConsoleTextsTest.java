package dev.mynasim.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The consoles speak Japanese and English from their bundles only: both bundles hold the same keys, none empty, and
 * every key a console page names exists.
 */
class ConsoleTextsTest {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");
    private static final Pattern KEY = Pattern.compile("con\\['([A-Za-z0-9.-]+)'\\]");

    @Test
    void japaneseAndEnglishHoldTheSameKeysAndNoneIsEmpty() throws IOException {
        Properties japanese = load("console_ja.properties");
        Properties english = load("console.properties");
        assertThat(japanese.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        assertThat(japanese.stringPropertyNames()).allSatisfy(key -> {
            assertThat(japanese.getProperty(key)).as(key).isNotBlank();
            assertThat(english.getProperty(key)).as(key).isNotBlank();
        });
        assertThat(load("console_en.properties")).as("English lives in the base bundle").isEmpty();
    }

    @Test
    void everyKeyAConsolePageNamesExists() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(WEBAPP.resolve("console")),
                Files.walk(WEBAPP.resolve("WEB-INF").resolve("templates")))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                Matcher matcher = KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(load("console_ja.properties").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (var in = ConsoleTextsTest.class.getResourceAsStream("/dev/mynasim/web/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
