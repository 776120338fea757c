package dev.mynasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Containerfile cannot be built here (no image registry), so its instructions are checked against what the
 * jar reads: the environment it sets is what LaunchOptions takes, the health check asks the port it serves, the jar
 * it copies is the one this module builds, the volume is the data folder and the user is not root.
 */
class ContainerfileTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void itsInstructionsMatchTheJarsOptions() throws Exception {
        Map<String, List<String>> instructions = instructions(Files.readString(ROOT.resolve("Containerfile")));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : instructions.get("ENV")) {
            for (String pair : line.split("\\s+")) {
                String[] nameValue = pair.split("=", 2);
                environment.put(nameValue[0], nameValue[1]);
            }
        }

        // a working folder of its own, so that a default (./data) cannot pass for the image's setting
        LaunchOptions options = LaunchOptions.parse(List.of(), environment, Path.of("/elsewhere"));

        assertThat(environment.keySet()).allSatisfy(name -> assertThat(LaunchOptions.USAGE).contains(name));
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.data()).isEqualTo(Path.of("/data"));
        assertThat(instructions.get("VOLUME")).containsExactly(options.data().toString());
        assertThat(instructions.get("EXPOSE")).containsExactly(Integer.toString(options.port()));
        assertThat(instructions.get("HEALTHCHECK")).singleElement().asString()
                .contains("http://127.0.0.1:" + options.port() + "/health/ready");
        assertThat(instructions.get("USER")).singleElement().asString().isNotIn("0", "root");

        String[] copy = instructions.get("COPY").get(0).split("\\s+");
        assertThat(copy[0]).isEqualTo("launcher/target/mynasim.jar");
        assertThat(Path.of("target/mynasim.jar").toAbsolutePath()).isEqualTo(ROOT.resolve(copy[0]));
        assertThat(instructions.get("ENTRYPOINT")).singleElement().asString().contains("\"-jar\", \"" + copy[1] + "\"");
        assertThat(instructions.get("RUN")).singleElement().asString()
                .contains("openjdk-17-jre-headless", "curl", "useradd", "--uid 10001", "chown mynasim:mynasim /data");
    }

    /** Each instruction's arguments, continuation lines joined, comments left out. */
    private static Map<String, List<String>> instructions(String file) {
        Map<String, List<String>> instructions = new LinkedHashMap<>();
        Matcher matcher = Pattern.compile("(?m)^([A-Z]+)\\s+((?:.*\\\\\\n)*.*)$")
                .matcher(file.replaceAll("(?m)^#.*\\n", ""));
        while (matcher.find()) {
            instructions.computeIfAbsent(matcher.group(1), key -> new ArrayList<>())
                    .add(matcher.group(2).replaceAll("\\\\\\n\\s*", " ").trim());
        }
        return instructions;
    }
}
