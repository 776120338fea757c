package dev.mynasim.auth.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS client certificate that came with the current request: from the TLS handshake of the simulator's own
 * listener, or, in trusted-proxy mode, from the header a configured proxy adds (RFC 9440). Produced per request by
 * the web layer, as {@code Caller} is, so the modules need no Servlet API.
 */
public record PresentedCertificate(Optional<X509Certificate> certificate, Source source) {

    /** Where the certificate came from. */
    public enum Source {
        /** No certificate came with the request. */
        NONE,
        /** The client presented it in the TLS handshake with the simulator's listener. */
        TLS,
        /** A trusted proxy ended TLS and passed it on in its header. */
        PROXY
    }

    public PresentedCertificate {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(source, "source");
        if (certificate.isPresent() == (source == Source.NONE)) {
            throw new IllegalArgumentException("a certificate needs a source, and no certificate has none");
        }
    }

    public static PresentedCertificate none() {
        return new PresentedCertificate(Optional.empty(), Source.NONE);
    }

    public static PresentedCertificate of(X509Certificate certificate, Source source) {
        return new PresentedCertificate(Optional.of(certificate), source);
    }

    /** The certificate's SHA-256 thumbprint as RFC 8705 §3.1 puts it in {@code x5t#S256}. */
    public Optional<String> thumbprint() {
        return certificate.map(PresentedCertificate::thumbprint);
    }

    /** Base64url without padding of the SHA-256 of the certificate's DER encoding (RFC 8705 §3.1). */
    public static String thumbprint(X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the certificate cannot be encoded", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
