package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies larger than {@code mynasim.rest.max-body-bytes}: by the declared length before reading,
 * and by counting while reading when no length was declared (chunked). The OAuth endpoints that read a form (both
 * doors' token endpoints, introspection and revocation) answer in their own format, RFC 6749 §5.2
 * {@code invalid_request}, as a client library expects there; every other surface a problem (RFC 9457).
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    private static final int DRAIN_FACTOR = 16;

    @Inject
    @ConfigProperty(name = "mynasim.rest.max-body-bytes", defaultValue = "65536")
    long maxBytes;

    /** Paths relative to the application; the token, introspection and revocation endpoints of both doors. */
    private static final Pattern OAUTH_FORM_ENDPOINT = Pattern.compile(
            "/?(test|production)/(online-authorization-web/oauth/token|oidc/(token|introspect|revoke))/?");

    @Override
    public void filter(ContainerRequestContext request) {
        boolean oauth = oauthFormEndpoint(request.getUriInfo().getPath());
        if (request.getLength() > maxBytes) {
            Response.ResponseBuilder refusal = refusal(oauth);
            // a client that writes its whole body before reading would wait forever on an unread body: read and
            // drop a reasonable excess; beyond it, close the connection
            if (!drain(request.getEntityStream(), DRAIN_FACTOR * maxBytes)) {
                refusal.header("Connection", "close");
            }
            request.abortWith(refusal.build());
            return;
        }
        if (oauth && request.getLength() < 0) {
            // a chunked form: read it here, so that too long a one is refused in the OAuth format too (the form
            // reader's failure would reach the problem mapper instead)
            try {
                byte[] form = request.getEntityStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (form.length > maxBytes) {
                    request.abortWith(refusal(true).header("Connection", "close").build());
                    return;
                }
                request.setEntityStream(new java.io.ByteArrayInputStream(form));
            } catch (IOException e) {
                request.abortWith(Response.fromResponse(oauthInvalidRequest("The request body could not be read"))
                        .header("Connection", "close").build());
            }
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
    }

    static boolean oauthFormEndpoint(String path) {
        return path != null && OAUTH_FORM_ENDPOINT.matcher(path).matches();
    }

    private Response.ResponseBuilder refusal(boolean oauth) {
        RuleViolation v = tooLarge(maxBytes);
        return Response.fromResponse(oauth ? oauthInvalidRequest(v.getMessage())
                : new Problem(400, v.rule(), v.field(), v.getMessage(), v.messageJa()).response());
    }

    private static Response oauthInvalidRequest(String description) {
        return Response.status(400).type(MediaType.APPLICATION_JSON_TYPE).entity(oauthError(description))
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 6749 §5.2: {@code invalid_request} with the reason. */
    static String oauthError(String description) {
        return JSON.createObjectBuilder().add("error", "invalid_request").add("error_description", description)
                .build().toString();
    }

    private static boolean drain(InputStream body, long limit) {
        try {
            long skipped = body.transferTo(new java.io.OutputStream() {
                private long count;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    count += len;
                    if (count > limit) {
                        throw new IOException("more than " + limit + " bytes");
                    }
                }
            });
            return skipped <= limit;
        } catch (IOException e) {
            return false;
        }
    }

    static RuleViolation tooLarge(long maxBytes) {
        return RuleViolation.invalid("body", "body-too-large",
                "The request body is larger than " + maxBytes + " bytes",
                "リクエストボディが " + maxBytes + " バイトを超えています");
    }

    /** Thrown by the counting stream; the unreadable-body mapper finds it among the causes. */
    static final class TooLarge extends IOException {
        final long maxBytes;

        TooLarge(long maxBytes) {
            super("request body larger than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }
    }

    /**
     * The client's body could not be read: it stopped before its declared length, or came slower than the listener's
     * read timeout. The client's fault, answered 400 by {@link UnreadableStreamMapper}, never a 500.
     */
    static final class Unreadable extends IOException {
        Unreadable(IOException cause) {
            super("the request body could not be read: " + cause, cause);
        }
    }

    static Response unreadable(boolean oauth) {
        String reason = "The request body could not be read: it ended before its declared length or came too slowly";
        Response response = oauth ? oauthInvalidRequest(reason) : new Problem(400, "body-unreadable", "body", reason,
                "リクエストボディを読み取れませんでした (宣言された長さより前に終わったか、送信が遅すぎます)").response();
        return Response.fromResponse(response).header("Connection", "close").build();
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw new Unreadable(e);
            }
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (IOException e) {
                throw new Unreadable(e);
            }
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            count += n;
            if (count > max) {
                throw new TooLarge(max);
            }
        }
    }
}
