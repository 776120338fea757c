package dev.mynasim.launcher;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * {@code --log-format json}: each log record as one JSON object on one line ({@code time}, {@code level},
 * {@code logger}, {@code thread}, {@code message}, and {@code exception} with the stack trace), with secrets
 * redacted from the message and the trace.
 */
public final class JsonLines extends Formatter {

    /** {@code Authorization: Bearer …} and its Basic and DPoP kin. */
    private static final Pattern CREDENTIALS = Pattern.compile("(?i)\\b(bearer|basic|dpop)\\s+[A-Za-z0-9._~+/=-]{8,}");
    /** A compact JWS or JWT: tokens, ID tokens, client assertions. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** {@code name=value}, {@code name: value} and {@code "name":"value"} for every name that holds a secret. */
    private static final Pattern NAMED = Pattern.compile("(?i)((?:[?&]code|\\bmynasim_pin|[A-Za-z_.-]*(?:password"
            + "|passwd|secret|token|verifier|assertion|\\bpin))\"?\\s*[=:]\\s*\"?)([^\\s&\",;}]+)");

    /** What the launcher hands to Payara Micro as {@code --logproperties}: the console handler with this format. */
    static final String LOGGING_PROPERTIES = """
            handlers=java.util.logging.ConsoleHandler
            java.util.logging.ConsoleHandler.formatter=dev.mynasim.launcher.JsonLines
            java.util.logging.ConsoleHandler.level=INFO
            .level=INFO
            org.hibernate.validator.internal.util.Version.level=WARNING
            """;

    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(256).append('{');
        field(line, "time", Instant.ofEpochMilli(record.getMillis()).toString()).append(',');
        field(line, "level", record.getLevel().getName()).append(',');
        field(line, "logger", record.getLoggerName() == null ? "" : record.getLoggerName()).append(',');
        field(line, "thread", Thread.currentThread().getName()).append(',');
        field(line, "message", redact(formatMessage(record)));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            field(line.append(','), "exception", redact(trace.toString()));
        }
        return line.append("}\n").toString();
    }

    /** The text with every secret it recognises replaced by {@code [redacted]}. */
    static String redact(String text) {
        if (text == null) {
            return "";
        }
        String out = JWT.matcher(text).replaceAll("[redacted]");
        out = CREDENTIALS.matcher(out).replaceAll("$1 [redacted]");
        return NAMED.matcher(out).replaceAll("$1[redacted]");
    }

    private static StringBuilder field(StringBuilder line, String name, String value) {
        line.append('"').append(name).append("\":\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> line.append("\\\"");
                case '\\' -> line.append("\\\\");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                case '\t' -> line.append("\\t");
                default -> {
                    if (c < 0x20) {
                        line.append(String.format("\\u%04x", (int) c));
                    } else {
                        line.append(c);
                    }
                }
            }
        }
        return line.append('"');
    }
}
