package dev.mynasim.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The consoles as a tester drives them, through the element ids README lists: sign-in, the menu, screenshots under
 * {@code target/screenshots}, and a plain HTTP look at a page with the browser's session (for status codes, which a
 * browser does not tell).
 */
final class Console {

    static final Path SHOTS = Path.of("target", "screenshots");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final SharedServer.Server server;

    Console(SharedServer.Server server) {
        this.server = server;
    }

    Browser chromium() {
        return Browser.chromium(server, Path.of("target", "chromium-profile-" + System.nanoTime()));
    }

    /** Signs in on the login page and lands on the dashboard. */
    Browser signIn(Browser browser, String user, String password) {
        browser.open(server.baseUrl() + "/console/login");
        browser.type("login:username", user).type("login:password", password).clickById("login:submit");
        assertThat(browser.present("dashboard-title")).as(browser.page()).isTrue();
        return browser;
    }

    Browser operator(Browser browser) {
        return signIn(browser, Api.OPERATOR, Api.OPERATOR_PASSWORD);
    }

    /** Follows a menu entry ({@code nav-cards} …). */
    Browser menu(Browser browser, String id) {
        return browser.clickById(id);
    }

    void shot(Browser browser, String name) {
        browser.screenshot(SHOTS.resolve("console-" + name + ".png"));
    }

    /** A screenshot with the element at the top of the window. */
    void shot(Browser browser, String name, String scrollToId) {
        browser.scrollTo(scrollToId);
        shot(browser, name);
    }

    /** The status and body of a GET with the browser's console session, as the browser would send it. */
    HttpResponse<String> get(Browser browser, String url) {
        String session = browser.cookie("mynasim_console").orElseThrow();
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", "mynasim_console=" + session)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET without a session and without following redirects. */
    HttpResponse<String> getSignedOut(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A form POST as another site's page would send it: its {@code Origin}, no session. */
    HttpResponse<String> postFrom(String origin, String path, String form) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** axe-core's serious and critical findings on the page, each prefixed with the page's name. */
    static void check(Browser browser, String page, List<String> found) {
        browser.seriousAccessibilityViolations().forEach(v -> found.add(page + ": " + v));
        if (browser.count("h1") != 1) {
            found.add(page + ": " + browser.count("h1") + " h1 elements");
        }
        String lang = browser.attribute("html", "lang");
        if (lang == null || lang.isBlank()) {
            found.add(page + ": no lang on html");
        }
    }
}
