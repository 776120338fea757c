package dev.mynasim.registry.api;

import java.util.Arrays;

/** How a Web service authenticates at the token endpoint; names as in the OAuth registry (RFC 7591, RFC 8705). */
public enum ClientAuthMethod {
    /** No client authentication: TEST registrations only. */
    NONE("none"),
    PRIVATE_KEY_JWT("private_key_jwt"),
    TLS_CLIENT_AUTH("tls_client_auth"),
    /** A client secret in HTTP Basic (RFC 6749 §2.3.1): TEST registrations only. */
    CLIENT_SECRET_BASIC("client_secret_basic"),
    /** A client secret in the form body (RFC 6749 §2.3.1): TEST registrations only. */
    CLIENT_SECRET_POST("client_secret_post");

    private final String code;

    ClientAuthMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean usesSecret() {
        return this == CLIENT_SECRET_BASIC || this == CLIENT_SECRET_POST;
    }

    public static ClientAuthMethod fromCode(String code) {
        return Arrays.stream(values())
                .filter(m -> m.code.equals(code))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid("clientAuth", "client-auth-unknown",
                        "Client authentication must be none, private_key_jwt, tls_client_auth, client_secret_basic or "
                                + "client_secret_post, got: " + code,
                        "クライアント認証方式は none、private_key_jwt、tls_client_auth、client_secret_basic、"
                                + "client_secret_post のいずれかです。入力値: " + code));
    }
}
