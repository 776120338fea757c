package dev.mynasim.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jar's command line, checked completely before anything starts. Each setting comes from its option, else from
 * its environment variable, else from its default; a password never comes from an option (every local user reads
 * command lines with ps). Everything after {@code --} goes to Payara Micro unchanged.
 */
record LaunchOptions(int port, Path data, String dbUrl, String dbClass, String dbUser, String dbPassword,
                     String baseUrl, String mode, boolean cluster, Path clientCa, String logFormat,
                     List<String> payaraOptions) {

    static final String USAGE = """
            Usage: java -jar mynasim.jar [options] [-- payara-micro options]

            Starts the Myna Portal API Simulator (default http://localhost:8080, embedded H2 database in ./data, demo
            data). Prints "mynasim ready on URL" once /health/ready answers; stops cleanly on Ctrl-C or TERM.

            Options (each also from its environment variable):
              --port N              HTTP port (MYNASIM_PORT, default 8080)
              --data DIR            folder for the H2 database and the server's runtime files (MYNASIM_DATA,
                                    default ./data)
              --db-url URL          JDBC URL; jdbc:postgresql://host:5432/db selects PostgreSQL (MYNASIM_DB_URL,
                                    default: H2 file in DIR/db)
              --db-user USER        database user (MYNASIM_DB_USER)
              --db-password-file F  file holding the database password on its first line, readable by its owner
                                    only (or MYNASIM_DB_PASSWORD; PostgreSQL: must not be empty)
              --base-url URL        public URL of the simulator (MYNASIM_BASE_URL, default http://localhost:PORT)
              --mode dev|production server mode (MYNASIM_SERVER_MODE, default dev)
              --cluster             share short-lived flow state with the other nodes (MYNASIM_CLUSTER=true;
                                    needs PostgreSQL)
              --log-format text|json  the server log on standard error as text, or as one JSON object per line
                                    with secrets redacted (MYNASIM_LOG_FORMAT, default text)
              -h, --help            this text

            Every other setting comes from the environment as well (MYNASIM_DEMO_DATA, ...; see README.md).
            """;

    /**
     * H2 keeps a commit in memory for up to half a second by default (WRITE_DELAY 500): a kill -9 then loses commits a
     * client saw answered (reliability/CrashIT found refresh tokens and revocations gone). WRITE_DELAY=0 writes each
     * commit to the file before the answer.
     */
    static final String H2_DURABLE = ";WRITE_DELAY=0";
    static final String H2_CLASS = "dev.mynasim.web.persistence.H2LocalDataSource";
    static final String POSTGRES_CLASS = "org.postgresql.ds.PGSimpleDataSource";

    /** A command line or environment the simulator cannot start with; {@code usage} says the usage text helps. */
    static final class Refused extends Exception {
        final boolean usage;

        Refused(String message, boolean usage) {
            super(message);
            this.usage = usage;
        }
    }

    /** {@code null} for --help. */
    static LaunchOptions parse(List<String> arguments, Map<String, String> environment, Path workingDirectory)
            throws Refused {
        Map<String, String> given = new LinkedHashMap<>();
        boolean cluster = "true".equalsIgnoreCase(environment.getOrDefault("MYNASIM_CLUSTER", ""));
        List<String> payara = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            switch (argument) {
                case "-h", "--help" -> {
                    return null;
                }
                case "--cluster" -> cluster = true;
                case "--" -> {
                    payara.addAll(arguments.subList(i + 1, arguments.size()));
                    i = arguments.size();
                }
                case "--port", "--data", "--db-url", "--db-user", "--db-password-file", "--base-url", "--mode",
                     "--log-format" -> {
                    if (i + 1 >= arguments.size() || arguments.get(i + 1).isBlank()) {
                        throw new Refused(argument + " needs a value", true);
                    }
                    given.put(argument, arguments.get(++i));
                }
                default -> {
                    if (argument.equals("--db-password") || argument.startsWith("--db-password=")) {
                        throw new Refused("--db-password would show the password to every local user (ps); use "
                                + "MYNASIM_DB_PASSWORD or --db-password-file FILE", false);
                    }
                    throw new Refused("unknown option " + argument, true);
                }
            }
        }

        int port = port(setting(given, "--port", environment, "MYNASIM_PORT", "8080"));
        Path data = workingDirectory.resolve(setting(given, "--data", environment, "MYNASIM_DATA", "data"))
                .toAbsolutePath().normalize();
        String mode = setting(given, "--mode", environment, "MYNASIM_SERVER_MODE", "dev");
        if (!mode.equals("dev") && !mode.equals("production")) {
            throw new Refused("--mode must be dev or production, not " + mode, false);
        }
        String logFormat = setting(given, "--log-format", environment, "MYNASIM_LOG_FORMAT", "text");
        if (!logFormat.equals("text") && !logFormat.equals("json")) {
            throw new Refused("--log-format must be text or json, not " + logFormat, false);
        }
        String password = given.containsKey("--db-password-file")
                ? readSecretFile(workingDirectory.resolve(given.get("--db-password-file")))
                : environment.getOrDefault("MYNASIM_DB_PASSWORD", "");
        String url = setting(given, "--db-url", environment, "MYNASIM_DB_URL", "");
        String user = setting(given, "--db-user", environment, "MYNASIM_DB_USER", "");
        String dbClass;
        if (url.isEmpty()) {
            url = "jdbc:h2:file:" + data.resolve("db/mynasim") + H2_DURABLE;
            dbClass = H2_CLASS;
            user = user.isEmpty() ? "sa" : user;
            password = password.isEmpty() ? "mynasim" : password;
        } else if (url.startsWith("jdbc:postgresql:")) {
            dbClass = POSTGRES_CLASS;
            if (password.isEmpty()) {
                throw new Refused("PostgreSQL needs a non-empty password in MYNASIM_DB_PASSWORD or "
                        + "--db-password-file (any text under trust auth)", false);
            }
        } else if (url.startsWith("jdbc:h2:")) {
            dbClass = H2_CLASS;
        } else {
            throw new Refused("--db-url must start with jdbc:postgresql: or jdbc:h2:, not " + url, false);
        }
        if (cluster && dbClass.equals(H2_CLASS)) {
            throw new Refused("--cluster needs PostgreSQL (--db-url jdbc:postgresql://...): H2 serves one node",
                    false);
        }
        String baseUrl = setting(given, "--base-url", environment, "MYNASIM_BASE_URL", "http://localhost:" + port);
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new Refused("--base-url must be an http:// or https:// URL, not " + baseUrl, false);
        }
        Path clientCa = data.resolve(setting(Map.of(), "", environment, "MYNASIM_TLS_CLIENT_CA_KEYSTORE",
                "tls/client-ca.p12"));
        return new LaunchOptions(port, data, url, dbClass, user, password, stripSlash(baseUrl), mode, cluster,
                clientCa, logFormat, List.copyOf(payara));
    }

    /** The server's settings, as MicroProfile Config reads them (system properties; never on a command line). */
    Map<String, String> systemProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("mynasim.db.url", dbUrl);
        properties.put("mynasim.db.class", dbClass);
        if (!dbUser.isEmpty()) {
            properties.put("mynasim.db.user", dbUser);
        }
        if (!dbPassword.isEmpty()) {
            properties.put("mynasim.db.password", dbPassword);
        }
        properties.put("mynasim.base-url", baseUrl);
        properties.put("mynasim.server.mode", mode);
        properties.put("mynasim.tls.client-ca.keystore", clientCa.toString());
        return properties;
    }

    /** What Payara Micro gets: the port, its runtime folder inside the data folder, clustering, then the rest. */
    List<String> payaraArguments() {
        List<String> arguments = new ArrayList<>(List.of("--port", Integer.toString(port),
                "--rootdir", data.resolve("payara").toString()));
        if (!cluster) {
            arguments.add("--nocluster");
        }
        if (jsonLog()) {
            arguments.addAll(List.of("--logproperties", jsonLogProperties().toString()));
        }
        arguments.addAll(payaraOptions);
        return arguments;
    }

    boolean jsonLog() {
        return logFormat.equals("json");
    }

    /** The logging configuration {@code --log-format json} hands to Payara Micro, written by {@link Main}. */
    Path jsonLogProperties() {
        return data.resolve("payara-logging-json.properties");
    }

    private static String setting(Map<String, String> given, String option, Map<String, String> environment,
                                  String variable, String fallback) {
        String value = given.get(option);
        if (value == null) {
            value = environment.get(variable);
        }
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int port(String text) throws Refused {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // the message below names the value
        }
        throw new Refused("--port must be a number from 1 to 65535, not " + text, false);
    }

    /** A secret's file: owner-only, like ssh's keys; its first line is the secret. */
    static String readSecretFile(Path file) throws Refused {
        try {
            Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
            others.addAll(Files.getPosixFilePermissions(file));
            others.retainAll(EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                    PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE));
            if (!others.isEmpty()) {
                throw new Refused(file + " is readable by other users; chmod 600 it", false);
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "" : lines.get(0);
        } catch (IOException | UnsupportedOperationException e) {
            throw new Refused("cannot read " + file, false);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
