package dev.mynasim.auth.protocol;

/**
 * The OpenID Connect door's endpoints, below an environment's issuer ({@code …/test}, {@code …/production}): named
 * once, for the JAX-RS paths, the discovery document and the audience of client assertions.
 */
public final class OidcPaths {

    public static final String AUTHORIZE = "oidc/authorize";
    public static final String TOKEN = "oidc/token";
    public static final String USERINFO = "oidc/userinfo";
    public static final String JWKS = "oidc/jwks";
    public static final String INTROSPECT = "oidc/introspect";
    public static final String REVOKE = "oidc/revoke";
    public static final String DISCOVERY = ".well-known/openid-configuration";

    private OidcPaths() {
    }

    /** The endpoint's URL below a base: the issuer, or the mutual-TLS listener's environment URL (RFC 8705 §5). */
    public static String at(String base, String path) {
        return base + "/" + path;
    }
}
