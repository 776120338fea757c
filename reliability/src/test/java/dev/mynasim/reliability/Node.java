package dev.mynasim.reliability;

import dev.mynasim.testing.Mynasim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The suite's simulator: mynasim.jar started by the testing module on a loopback port, on a database that outlives
 * it (its data folder's H2 file, or the PostgreSQL schema of {@code reliability.db.url}).
 */
final class Node {

    private Node() {
    }

    /**
     * Starts a node on the port, 0 for a free one (a restart keeps its port: the issuer and the tokens' audience name
     * it); {@code extra}: more options of the jar, after the database's.
     */
    static Mynasim start(Path data, int port, String... extra) throws IOException {
        return start(database(), data, port, extra);
    }

    /** The suite's database: {@code reliability.db.url}, empty for the node's own H2 file. */
    static String database() {
        return System.getProperty("reliability.db.url", "");
    }

    /** The same on the given database ({@code ""}: the H2 file in the data folder). */
    static Mynasim start(String dbUrl, Path data, int port, String... extra) throws IOException {
        Files.createDirectories(data);
        List<String> options = new ArrayList<>();
        if (!dbUrl.isBlank()) {
            Path password = data.resolve("db-password");
            Files.writeString(password, "trust\n");
            Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-------"));
            options.addAll(List.of("--db-url", dbUrl, "--db-user", "postgres", "--db-password-file", password.toString()));
        }
        options.addAll(List.of(extra));
        Path jar = Path.of(System.getProperty("mynasim.jar", "../launcher/target/mynasim.jar"));
        return port == 0 ? Mynasim.start(jar, data, options.toArray(String[]::new))
                : Mynasim.start(jar, data, port, options.toArray(String[]::new));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
