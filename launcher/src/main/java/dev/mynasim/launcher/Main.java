package dev.mynasim.launcher;

import fish.payara.micro.PayaraMicro;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * {@code java -jar mynasim.jar}: checks the options, sets the server's settings as system properties of this JVM,
 * hands over to Payara Micro (which serves the ROOT.war inside this jar), waits for {@code /health/ready} and prints
 * the fixed line {@code mynasim ready on URL}. Bad options exit 2 with the usage text, a port in use or a failed
 * start exits 1 with one line.
 */
public final class Main {

    /** How long the application may take to answer ready after Payara Micro's boot returned. */
    private static final Duration READY_LIMIT = Duration.ofSeconds(120);

    private Main() {
    }

    public static void main(String[] arguments) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(arguments), System.getenv(), Path.of(""));
        } catch (LaunchOptions.Refused refused) {
            System.err.println("mynasim: " + refused.getMessage());
            if (refused.usage) {
                System.err.print(LaunchOptions.USAGE);
            }
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.print(LaunchOptions.USAGE);
            return;
        }
        String refusal = portInUse(options.port());
        if (refusal == null) {
            refusal = createData(options);
        }
        if (refusal != null) {
            System.err.println("mynasim: " + refusal);
            System.exit(1);
            return;
        }
        options.systemProperties().forEach(System::setProperty);
        PayaraMicro.main(options.payaraArguments().toArray(String[]::new));
        String failure = awaitReady(options.port());
        if (failure != null) {
            System.err.println("mynasim: " + failure);
            System.exit(1);
        }
        String ready = "mynasim ready on " + options.baseUrl() + "/";
        if (options.jsonLog()) {
            LogRecord record = new LogRecord(Level.INFO, ready);
            record.setLoggerName("dev.mynasim.launcher");
            System.out.print(new JsonLines().format(record));
        } else {
            System.out.println(ready);
        }
        System.out.flush();
    }

    /** One line instead of Payara's stack trace when something listens on the port already. */
    private static String portInUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return null;
        } catch (IOException e) {
            return "port " + port + " is in use (" + e.getMessage() + "); stop what listens there or choose "
                    + "another with --port";
        }
    }

    private static String createData(LaunchOptions options) {
        try {
            Files.createDirectories(options.data());
            if (options.jsonLog()) {
                Files.writeString(options.jsonLogProperties(), JsonLines.LOGGING_PROPERTIES, StandardCharsets.UTF_8);
            }
            return null;
        } catch (IOException e) {
            return "cannot create the data folder " + options.data() + " (" + e + ")";
        }
    }

    /**
     * Payara Micro's boot has returned, so the listener is up and the application deployed or failed: 200 is ready,
     * 404 means it did not deploy (the log above says why), anything else is waited for, bounded.
     */
    private static String awaitReady(int port) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + READY_LIMIT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return null;
                }
                if (status == 404) {
                    return "the simulator did not start; the log above says why";
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for /health/ready";
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted while waiting for /health/ready";
            }
        }
        return "not ready after " + READY_LIMIT.toSeconds() + " s (/health/ready: " + last + ")";
    }
}
