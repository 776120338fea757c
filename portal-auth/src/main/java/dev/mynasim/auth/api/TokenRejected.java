package dev.mynasim.auth.api;

/**
 * An access token that may not be used, with the RFC 6750 §3.1 error code ({@code invalid_token} or
 * {@code insufficient_scope}) and a description that says why in plain words.
 */
public class TokenRejected extends RuntimeException {

    private final String error;

    public TokenRejected(String error, String description) {
        super(description);
        this.error = error;
    }

    public String error() {
        return error;
    }
}
