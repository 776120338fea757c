package dev.mynasim.web.security;

import dev.mynasim.auth.api.PresentedCertificate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The TLS client certificate of the current request, as the modules know it: from the simulator's own TLS listener
 * (the Servlet request attribute), or, from a trusted proxy only, from the proxy's header (RFC 9440). A request that
 * comes from a trusted proxy never counts the proxy's own TLS certificate as the client's; a certificate header from
 * anyone else is ignored, and the log says so.
 */
@ApplicationScoped
public class PresentedCertificateProducer {

    /** Servlet 6.0 §3.9: the certificate chain the client presented in the TLS handshake. */
    static final String TLS_ATTRIBUTE = "jakarta.servlet.request.X509Certificate";
    private static final Logger LOG = Logger.getLogger(PresentedCertificateProducer.class.getName());

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "mynasim.tls.proxy.addresses")
    Optional<String> proxyAddresses;

    @Inject
    @ConfigProperty(name = "mynasim.tls.proxy.header", defaultValue = "Client-Cert")
    String header;

    private TrustedProxy proxy;

    @PostConstruct
    void configure() {
        proxy = TrustedProxy.of(proxyAddresses);
        if (!proxy.refused().isEmpty()) {
            LOG.warning("mynasim.tls.proxy.addresses takes IP addresses only; ignored: " + proxy.refused());
        }
        if (proxy.enabled()) {
            LOG.info("Trusted-proxy mode: client certificates are read from header " + header + " of requests from "
                    + proxyAddresses.orElse(""));
        }
    }

    @Produces
    PresentedCertificate presented() {
        String remote = request.getRemoteAddr();
        String value = request.getHeader(header);
        if (proxy.trusts(remote)) {
            if (value == null) {
                return PresentedCertificate.none();
            }
            Optional<X509Certificate> certificate = TrustedProxy.certificate(value);
            if (certificate.isEmpty()) {
                LOG.warning("The " + header + " header from proxy " + remote + " holds no certificate "
                        + "(RFC 9440: :base64 of the DER:); the request counts as one without a client certificate");
            }
            return certificate.map(c -> PresentedCertificate.of(c, PresentedCertificate.Source.PROXY))
                    .orElseGet(PresentedCertificate::none);
        }
        if (value != null) {
            LOG.warning("Ignored the " + header + " header of a request from " + remote + ", which is not a trusted "
                    + "proxy (mynasim.tls.proxy.addresses); only the TLS handshake's certificate counts");
        }
        Object chain = request.getAttribute(TLS_ATTRIBUTE);
        if (chain instanceof X509Certificate[] certificates && certificates.length > 0) {
            return PresentedCertificate.of(certificates[0], PresentedCertificate.Source.TLS);
        }
        return PresentedCertificate.none();
    }
}
