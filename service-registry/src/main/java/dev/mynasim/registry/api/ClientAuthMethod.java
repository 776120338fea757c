package dev.mynasim.registry.api;

import java.util.Arrays;

/** How a Web service authenticates at the token endpoint; names as in the OAuth registry (RFC 7591, RFC 8705). */
public enum ClientAuthMethod {
    /** No client authentication: TEST registrations only. */
    NONE("none"),
    PRIVATE_KEY_JWT("private_key_jwt"),
    TLS_CLIENT_AUTH("tls_client_auth");

    private final String code;

    ClientAuthMethod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ClientAuthMethod fromCode(String code) {
        return Arrays.stream(values())
                .filter(m -> m.code.equals(code))
                .findFirst()
                .orElseThrow(() -> RuleViolation.invalid("clientAuth", "client-auth-unknown",
                        "Client authentication must be none, private_key_jwt or tls_client_auth, got: " + code,
                        "クライアント認証方式は none、private_key_jwt、tls_client_auth のいずれかです。入力値: " + code));
    }
}
