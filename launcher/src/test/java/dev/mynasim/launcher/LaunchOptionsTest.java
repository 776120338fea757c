package dev.mynasim.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchOptionsTest {

    @TempDir
    Path folder;

    private LaunchOptions parse(Map<String, String> environment, String... arguments) throws Exception {
        return LaunchOptions.parse(List.of(arguments), environment, folder);
    }

    @Test
    void withNothingGivenItServesH2InDataOnPort8080() throws Exception {
        LaunchOptions options = parse(Map.of());

        assertThat(options.systemProperties())
                .containsEntry("mynasim.db.url", "jdbc:h2:file:" + folder.resolve("data/db/mynasim") + ";WRITE_DELAY=0")
                .containsEntry("mynasim.db.class", LaunchOptions.H2_CLASS)
                .containsEntry("mynasim.db.user", "sa")
                .containsEntry("mynasim.base-url", "http://localhost:8080")
                .containsEntry("mynasim.server.mode", "dev")
                .containsEntry("mynasim.tls.client-ca.keystore", folder.resolve("data/tls/client-ca.p12").toString());
        assertThat(options.payaraArguments())
                .containsExactly("--port", "8080", "--rootdir", folder.resolve("data/payara").toString(), "--nocluster");
    }

    @Test
    void anOptionWinsOverItsEnvironmentVariableAndTheRestPassesToPayara() throws Exception {
        LaunchOptions options = parse(Map.of("MYNASIM_PORT", "9000", "MYNASIM_BASE_URL", "https://sim.example/",
                "MYNASIM_SERVER_MODE", "production"), "--port", "9100", "--data", "d", "--", "--sslport", "9443");

        assertThat(options.port()).isEqualTo(9100);
        assertThat(options.baseUrl()).isEqualTo("https://sim.example");
        assertThat(options.mode()).isEqualTo("production");
        assertThat(options.payaraArguments()).containsExactly("--port", "9100", "--rootdir",
                folder.resolve("d/payara").toString(), "--nocluster", "--sslport", "9443");
    }

    @Test
    void postgresTakesItsPasswordFromTheEnvironmentOrAnOwnerOnlyFile() throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:5432/test";
        assertThat(parse(Map.of("MYNASIM_DB_PASSWORD", "from-env"), "--db-url", url, "--cluster")
                .systemProperties()).containsEntry("mynasim.db.class", LaunchOptions.POSTGRES_CLASS)
                .containsEntry("mynasim.db.password", "from-env");

        Path file = Files.writeString(folder.resolve("pw"), "from-file\nignored\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LaunchOptions options = parse(Map.of("MYNASIM_DB_PASSWORD", "from-env"), "--db-url", url,
                "--db-password-file", "pw", "--cluster");

        assertThat(options.dbPassword()).isEqualTo("from-file");
        assertThat(options.payaraArguments()).doesNotContain("--nocluster");
    }

    @Test
    void jsonLogsHandPayaraTheirLoggingPropertiesAndAnyOtherFormatIsRefused() throws Exception {
        LaunchOptions options = parse(Map.of(), "--log-format", "json");
        assertThat(options.jsonLog()).isTrue();
        assertThat(options.payaraArguments()).containsSequence("--logproperties",
                folder.resolve("data/payara-logging-json.properties").toString());
        assertThat(parse(Map.of("MYNASIM_LOG_FORMAT", "json")).jsonLog()).isTrue();
        assertThat(parse(Map.of()).payaraArguments()).doesNotContain("--logproperties");

        assertThatThrownBy(() -> parse(Map.of(), "--log-format", "xml"))
                .isInstanceOf(LaunchOptions.Refused.class).hasMessage("--log-format must be text or json, not xml");
    }

    @Test
    void aPasswordFileOthersCanReadIsRefused() throws Exception {
        Path file = Files.writeString(folder.resolve("pw"), "secret\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> parse(Map.of(), "--db-password-file", "pw"))
                .hasMessage(file + " is readable by other users; chmod 600 it");
        assertThatThrownBy(() -> parse(Map.of(), "--db-password-file", "missing"))
                .hasMessage("cannot read " + folder.resolve("missing"));
    }

    @Test
    void badInputIsRefusedWithWhatToDo() {
        assertRefused("unknown option --prot", true, "--prot", "8080");
        assertRefused("--port needs a value", true, "--port");
        assertRefused("--port must be a number from 1 to 65535, not 70000", false, "--port", "70000");
        assertRefused("--port must be a number from 1 to 65535, not x", false, "--port", "x");
        assertRefused("--mode must be dev or production, not prod", false, "--mode", "prod");
        assertRefused("--db-url must start with jdbc:postgresql: or jdbc:h2:, not jdbc:mysql://h/db", false,
                "--db-url", "jdbc:mysql://h/db");
        assertRefused("--base-url must be an http:// or https:// URL, not localhost:8080", false,
                "--base-url", "localhost:8080");
        assertRefused("--cluster needs PostgreSQL (--db-url jdbc:postgresql://...): H2 serves one node", false,
                "--cluster");
        assertRefused("PostgreSQL needs a non-empty password in MYNASIM_DB_PASSWORD or --db-password-file (any "
                + "text under trust auth)", false, "--db-url", "jdbc:postgresql://127.0.0.1/test");
        assertRefused("--db-password would show the password to every local user (ps); use MYNASIM_DB_PASSWORD "
                + "or --db-password-file FILE", false, "--db-password=secret");
    }

    @Test
    void helpIsNotAnError() throws Exception {
        assertThat(parse(Map.of(), "--port", "1", "--help")).isNull();
        assertThat(LaunchOptions.USAGE).contains("--port N", "--data DIR", "MYNASIM_DB_PASSWORD");
    }

    private void assertRefused(String message, boolean usage, String... arguments) {
        assertThatThrownBy(() -> parse(Map.of(), arguments)).isInstanceOfSatisfying(LaunchOptions.Refused.class,
                refused -> {
                    assertThat(refused).hasMessage(message);
                    assertThat(refused.usage).as("usage text for %s", message).isEqualTo(usage);
                });
    }
}
