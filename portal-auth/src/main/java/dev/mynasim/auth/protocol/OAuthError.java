package dev.mynasim.auth.protocol;

/** An RFC 6749 §5.2 error of the token endpoint: the error code, a description and the HTTP status. */
public class OAuthError extends RuntimeException {

    private final String error;
    private final int status;

    public OAuthError(int status, String error, String description) {
        super(description);
        this.error = error;
        this.status = status;
    }

    public String error() {
        return error;
    }

    public int status() {
        return status;
    }
}
