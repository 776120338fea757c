package dev.mynasim.web.rest;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses request bodies larger than {@code mynasim.rest.max-body-bytes}: by the declared length before reading,
 * and by counting while reading when no length was declared (chunked).
 */
@Provider
@PreMatching
public class BodyLimitFilter implements ContainerRequestFilter {

    private static final int DRAIN_FACTOR = 16;

    @Inject
    @ConfigProperty(name = "mynasim.rest.max-body-bytes", defaultValue = "65536")
    long maxBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            RuleViolation v = tooLarge(maxBytes);
            Response.ResponseBuilder refusal = Response.fromResponse(
                    new Problem(400, v.rule(), v.field(), v.getMessage(), v.messageJa()).response());
            // a client that writes its whole body before reading would wait forever on an unread body: read and
            // drop a reasonable excess; beyond it, close the connection
            if (!drain(request.getEntityStream(), DRAIN_FACTOR * maxBytes)) {
                refusal.header("Connection", "close");
            }
            request.abortWith(refusal.build());
            return;
        }
        request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
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

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
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
