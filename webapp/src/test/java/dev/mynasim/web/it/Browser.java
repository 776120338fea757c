package dev.mynasim.web.it;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * One browser playing the citizen: its own cookie jar, driven through the portal's stable element ids (README).
 * HtmlUnit for the form journeys (fast, no JavaScript needed: the pages have none); Debian's Chromium where a real
 * browser matters.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final String baseUrl;
    private final Path downloads;

    private Browser(WebDriver driver, String baseUrl, Path downloads) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.downloads = downloads;
    }

    public static Browser htmlUnit(SharedServer.Server server) {
        HtmlUnitDriver driver = new HtmlUnitDriver(false) {
            @Override
            protected org.htmlunit.WebClient modifyWebClient(org.htmlunit.WebClient client) {
                client.getOptions().setThrowExceptionOnFailingStatusCode(false);
                client.getOptions().setPrintContentOnFailingStatusCode(false);
                client.addRequestHeader("Accept-Language", "ja");
                return client;
            }
        };
        return new Browser(driver, server.baseUrl(), null);
    }

    public static Browser chromium(SharedServer.Server server, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=ja", "--window-size=1000,1100", "--user-data-dir=" + profile.toAbsolutePath());
        Path downloads = profile.resolve("downloads").toAbsolutePath();
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ja",
                "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build();
        return new Browser(new ChromeDriver(service, options), server.baseUrl(), downloads);
    }

    public Browser open(String url) {
        driver.get(url);
        return this;
    }

    /** Opens the Mynaportal-compatible authorize URL of a service with the given extra query. */
    public Browser authorize(String environment, String clientId, String redirectUri, String state, String extra) {
        driver.get(baseUrl + "/" + environment + "/online-authorization-web/oauth/authorize?response_type=code"
                + "&client_id=" + clientId + "&redirect_uri=" + redirectUri + "&state=" + state + "&login_type=0"
                + (extra == null ? "" : "&" + extra));
        return this;
    }

    public boolean onCardStep() {
        return present("verify:read");
    }

    public boolean onConsent() {
        return present("consent:approve");
    }

    public boolean onRegistration() {
        return present("register:approve");
    }

    public Browser readCard(String serial, String pin) {
        new Select(driver.findElement(By.id("verify:card"))).selectByValue(serial);
        WebElement field = driver.findElement(By.id("verify:pin"));
        field.clear();
        field.sendKeys(pin);
        submit("verify:read");
        return this;
    }

    public String cardMessage() {
        return text("verify:message");
    }

    public boolean skipNotice() {
        return present("consent:skipped");
    }

    public String consentApis() {
        return text("consent:apis");
    }

    public Browser approve() {
        submit("consent:approve");
        return this;
    }

    public Browser cancel() {
        submit("consent:cancel");
        return this;
    }

    public Browser register() {
        submit("register:approve");
        return this;
    }

    /**
     * Clicks a submit button and waits until the browser has loaded the answer: a real browser may return from the
     * click before the POST and its redirect are done.
     */
    private void submit(String id) {
        WebElement button = driver.findElement(By.id(id));
        button.click();
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> gone(button));
    }

    /**
     * True once the element belongs to a page that was replaced. Chromium may also answer, while the new page
     * arrives, that the element's node "does not belong to the document": gone as well.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException | NoSuchElementException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public Browser clickById(String id) {
        submit(id);
        return this;
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    public boolean present(String id) {
        try {
            driver.findElement(By.id(id));
            return true;
        } catch (NoSuchElementException | IllegalStateException notAnHtmlPage) {
            return false;
        }
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    public String page() {
        return driver.getPageSource();
    }

    /** The query of the page the portal sent the browser back to (code, state, error …). */
    public Map<String, String> callback() {
        String query = Optional.ofNullable(URI.create(url()).getRawQuery()).orElse("");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(driver.manage().getCookieNamed(name)).map(org.openqa.selenium.Cookie::getValue);
    }

    /** Sets a cookie for the server the browser is on (it must have opened a page there first). */
    public void addCookie(org.openqa.selenium.Cookie cookie) {
        driver.manage().addCookie(cookie);
    }

    public org.openqa.selenium.Cookie cookieDetails(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public void screenshot(Path file) {
        if (driver instanceof TakesScreenshot camera) {
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, camera.getScreenshotAs(OutputType.BYTES));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /**
     * The text of a file the browser downloaded into its profile's download folder (Chromium only), once the download
     * is complete.
     */
    public String downloaded(String fileName) {
        Path file = downloads.resolve(fileName);
        new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(15))
                .until(d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve(fileName + ".crdownload")));
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Clicks an element that changes nothing but the page itself (a {@code summary}, a checkbox): no wait. */
    public Browser click(String id) {
        driver.findElement(By.id(id)).click();
        return this;
    }

    /** Ticks or clears the checkbox of the group {@code name} whose value is {@code value}. */
    public Browser tick(String name, String value, boolean on) {
        WebElement box = driver.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    /** Ticks or clears a checkbox by id. */
    public Browser tick(String id, boolean on) {
        WebElement box = driver.findElement(By.id(id));
        if (box.isSelected() != on) {
            box.click();
        }
        return this;
    }

    /** Picks an option of a select by its value. */
    public Browser select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        return this;
    }

    /** Hands a file to a file input. */
    public Browser upload(String id, Path file) {
        driver.findElement(By.id(id)).sendKeys(file.toAbsolutePath().toString());
        return this;
    }

    /** Scrolls the page so the element is at the top of the window (for a screenshot of it). */
    public Browser scrollTo(String id) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(true)",
                driver.findElement(By.id(id)));
        return this;
    }

    /** Sets the window's size (Chromium), e.g. 390 px wide as a phone. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** The page's full width in CSS pixels: wider than the window means the page scrolls sideways. */
    public long pageWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** The visible texts of the options of a select, in order. */
    public java.util.List<String> options(String id) {
        return new Select(driver.findElement(By.id(id))).getOptions().stream().map(WebElement::getText).toList();
    }

    /** The value attribute of an element by id (a button's word). */
    public String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** Sets the window's size (a phone's 390 px width, say); the page lays itself out again. */
    public Browser windowSize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /** The widest any element of the page reaches, in CSS pixels: wider than the window means it scrolls sideways. */
    public long scrollWidth() {
        return ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** The visible texts of the options of a select. */
    public java.util.List<String> optionTexts(String id) {
        return new Select(driver.findElement(By.id(id))).getOptions().stream().map(WebElement::getText).toList();
    }

    /** How many elements the CSS selector finds. */
    public int count(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).size();
    }

    /** An attribute of the first element the CSS selector finds. */
    public String attribute(String cssSelector, String name) {
        return driver.findElement(By.cssSelector(cssSelector)).getAttribute(name);
    }

    /** The href of a link by id, as the page has it (absolute). */
    public String href(String id) {
        return driver.findElement(By.id(id)).getAttribute("href");
    }

    /** Types into a text or password field by id. */
    public Browser type(String id, String text) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /**
     * axe-core's check of the page as the browser shows it: the violations of impact serious or critical, each as
     * "rule (impact): help, at selector …".
     */
    public java.util.List<String> seriousAccessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        if (results.getPasses() == null || results.getPasses().isEmpty() || results.isErrored()) {
            throw new IllegalStateException("axe-core did not check " + url() + ": " + results.getErrorMessage());
        }
        return results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + ", at " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).collect(java.util.stream.Collectors.joining("; ")))
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
