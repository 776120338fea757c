package dev.mynasim.registry.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hosts the simulator may call out to (DESIGN.md 9.11: no server-side request forgery into the hosting network):
 * those of {@code mynasim.callback.allowed-hosts} ({@code *} allows any) and the host of {@code mynasim.base-url}, so
 * the demo services' callbacks stay allowed when the simulator runs under a public URL. Checked when a callback URL
 * is registered and again before every outbound call (JWKS URLs, completion notices).
 */
@ApplicationScoped
public class CallbackHosts {

    static final String DEFAULT_HOSTS = "localhost,127.0.0.1,[::1]";

    private Set<String> allowed;
    private boolean any;

    @Inject
    public CallbackHosts(
            @ConfigProperty(name = "mynasim.callback.allowed-hosts", defaultValue = DEFAULT_HOSTS) String allowedHosts,
            @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080") String baseUrl) {
        this.any = Arrays.stream(allowedHosts.split(",")).map(String::trim).anyMatch("*"::equals);
        this.allowed = Stream.concat(Arrays.stream(allowedHosts.split(",")).map(String::trim),
                        hostOf(baseUrl).stream())
                .filter(h -> !h.isEmpty() && !h.equals("*")).map(CallbackHosts::normalize).collect(Collectors.toSet());
    }

    /** For the CDI proxy. */
    protected CallbackHosts() {
    }

    /** True when the host may be called: case-insensitive, an IPv6 literal with or without its brackets. */
    public boolean allows(String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        return any || allowed.contains(normalize(host.trim()));
    }

    /** Fails with {@code host-not-allowed} on the given field unless the URL's host may be called. */
    public void require(String field, String url) {
        Optional<String> host = hostOf(url);
        if (host.isEmpty() || !allows(host.get())) {
            String shown = host.orElse("(none)");
            throw RuleViolation.invalid(field, "host-not-allowed",
                    field + " points at host " + shown + ", which is not in mynasim.callback.allowed-hosts ("
                            + describe() + ")",
                    field + " のホスト " + shown + " は呼び出しが許可されていません (mynasim.callback.allowed-hosts: "
                            + describe() + ")");
        }
    }

    private String describe() {
        return any ? "*" : allowed.stream().sorted().collect(Collectors.joining(", "));
    }

    private static Optional<String> hostOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(new URI(url.trim()).getHost());
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Lower case, brackets off an IPv6 literal, and the literal in its one canonical form ({@code 0:0:0:0:0:0:0:1} is
     * {@code ::1}); parsing a literal never asks DNS.
     */
    static String normalize(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":") && h.matches("[0-9a-f:.]+")) {
            try {
                return InetAddress.getByName(h).getHostAddress();
            } catch (UnknownHostException e) {
                return h;
            }
        }
        return h;
    }
}
