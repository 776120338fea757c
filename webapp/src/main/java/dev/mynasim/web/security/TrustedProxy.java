package dev.mynasim.web.security;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Trusted-proxy mode for mutual TLS: behind a load balancer that ends TLS, the client certificate arrives in a header
 * the proxy sets, and is believed only when the request comes from one of the configured proxy addresses (anyone
 * else could set that header). The header holds the DER certificate as an RFC 8941 byte sequence,
 * {@code :base64:} (RFC 9440 §2.2); URL-encoded PEM, which some load balancers send, is read too.
 */
final class TrustedProxy {

    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    /** A header longer than this is no certificate a proxy would pass on. */
    static final int MAX_HEADER = 16_384;

    private final List<InetAddress> addresses;
    private final List<String> refused;

    private TrustedProxy(List<InetAddress> addresses, List<String> refused) {
        this.addresses = addresses;
        this.refused = refused;
    }

    /**
     * The proxies of {@code mynasim.tls.proxy.addresses}: IP literals, comma-separated. A host name is refused (it
     * would need DNS at every request, and DNS can lie) and named by {@link #refused()}.
     */
    static TrustedProxy of(Optional<String> configured) {
        List<String> entries = configured.map(value -> Arrays.stream(value.split(",")).map(String::trim)
                .filter(e -> !e.isEmpty()).toList()).orElse(List.of());
        List<InetAddress> addresses = entries.stream().map(TrustedProxy::literal).flatMap(Optional::stream).toList();
        List<String> refused = entries.stream().filter(e -> literal(e).isEmpty()).toList();
        return new TrustedProxy(addresses, refused);
    }

    boolean enabled() {
        return !addresses.isEmpty();
    }

    List<String> refused() {
        return refused;
    }

    /** True when the request's peer is one of the proxies. */
    boolean trusts(String remoteAddress) {
        return remoteAddress != null && literal(remoteAddress).filter(addresses::contains).isPresent();
    }

    /** The certificate of the header's value, or empty when it is not one. */
    static Optional<X509Certificate> certificate(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_HEADER) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        try {
            byte[] encoded;
            if (trimmed.length() > 2 && trimmed.startsWith(":") && trimmed.endsWith(":")) {
                encoded = Base64.getDecoder().decode(trimmed.substring(1, trimmed.length() - 1));
            } else {
                String pem = URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
                if (!pem.startsWith("-----BEGIN CERTIFICATE-----")) {
                    return Optional.empty();
                }
                encoded = pem.getBytes(StandardCharsets.US_ASCII);
            }
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(encoded)));
        } catch (IllegalArgumentException | CertificateException e) {
            return Optional.empty();
        }
    }

    /**
     * An IP literal, parsed without DNS: {@code InetAddress.getByName} looks up nothing for a well-formed IPv4 literal,
     * nor for anything in brackets (an IPv6 literal or an error).
     */
    static Optional<InetAddress> literal(String value) {
        String bare = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        try {
            if (IPV4.matcher(bare).matches()) {
                return Optional.of(InetAddress.getByName(bare));
            }
            if (IPV6.matcher(bare).matches()) {
                return Optional.of(InetAddress.getByName("[" + bare + "]"));
            }
        } catch (UnknownHostException e) {
            // not an address
        }
        return Optional.empty();
    }
}
