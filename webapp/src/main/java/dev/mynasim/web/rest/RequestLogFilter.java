package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.RequestLog;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hands what each request of a Web service sent and got to the request log (README: Request log): both doors, the
 * data exchange and data API, and the admin calls of an API user's account. Only queues: the log is written off
 * the request path. A failure here never changes the answer.
 */
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.USER + 100)
public class RequestLogFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RequestLogFilter.class.getName());
    /** The integrators' endpoints, after the environment. */
    private static final Pattern SERVICE_ENDPOINT = Pattern.compile("/?(test|production)/(online-authorization-web/"
            + "oauth/(authorize|token)|oidc/(authorize|token|userinfo|introspect|revoke)|online-resource-web/"
            + "(request|result)|api/v1/.+)");
    private static final Pattern ADMIN = Pattern.compile("/?(admin/api/.+)");
    /** Where the console's authentication mechanism keeps the request's caller (web.security, by this name). */
    private static final String CALLER_ATTRIBUTE = Caller.class.getName();
    private static final String STARTED = RequestLogFilter.class.getName() + ".started";
    private static final String SEEN = RequestLogFilter.class.getName() + ".seen";

    @Inject
    RequestLog log;

    @Inject
    Clock clock;

    @Context
    HttpServletRequest servletRequest;

    /** What the request filter kept for the response filter. */
    private record Pending(Environment environment, String endpoint, String apiUser,
                           Map<String, List<String>> parameters, String body) {
    }

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            String path = request.getUriInfo().getPath();
            Matcher service = SERVICE_ENDPOINT.matcher(path);
            Pending pending;
            if (service.matches()) {
                pending = new Pending(Environment.parse(service.group(1)), service.group(2), null,
                        new LinkedHashMap<>(), null);
            } else {
                Matcher admin = ADMIN.matcher(path);
                Object caller = servletRequest.getAttribute(CALLER_ATTRIBUTE);
                if (!admin.matches() || admin.group(1).startsWith("admin/api/request-log")
                        || !(caller instanceof Caller c) || c.apiUser().isEmpty()) {
                    return;
                }
                pending = new Pending(Environment.TEST, admin.group(1), c.apiUser().get().value(),
                        new LinkedHashMap<>(), null);
            }
            request.getUriInfo().getQueryParameters().forEach((k, v) -> pending.parameters().put(k, new ArrayList<>(v)));
            String body = readBody(request, pending.parameters());
            request.setProperty(SEEN, new Pending(pending.environment(), pending.endpoint(), pending.apiUser(),
                    pending.parameters(), body));
            request.setProperty(STARTED, System.nanoTime());
            RequestFacts.open();
        } catch (RuntimeException | IOException e) {
            LOG.log(Level.FINE, "request not logged", e);
        }
    }

    /** Keeps a form's fields as parameters and a JSON body as text, and puts the bytes back for the resource. */
    private static String readBody(ContainerRequestContext request, Map<String, List<String>> parameters)
            throws IOException {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity()) {
            return null;
        }
        boolean form = type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE);
        boolean json = type.getSubtype().endsWith("json");
        if (!form && !json) {
            return null;
        }
        byte[] bytes = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(bytes));
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (json) {
            return text;
        }
        for (String pair : text.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                parameters.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return null;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(SEEN) instanceof Pending pending)) {
            return;
        }
        Map<String, String> facts = RequestFacts.close();
        try {
            long millis = (System.nanoTime() - (Long) request.getProperty(STARTED)) / 1_000_000;
            String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
            // a success's body is read only where an error can come with 200 (the exchange's errorCode): the data
            // API's answers can be large and are never parsed on the request path
            String[] error = response.getStatus() >= 300 || pending.endpoint().startsWith("online-resource-web/")
                    ? error(response) : new String[] {null, null};
            log.record(new RequestLog.Seen(clock.instant(), pending.environment(), pending.endpoint(),
                    request.getMethod(), clientId(pending, authorization, facts), pending.apiUser(),
                    pending.parameters(), authorization, pending.body(), response.getStatus(), error[0], error[1],
                    facts, millis));
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "request not logged", e);
        }
    }

    /** The client: a verified token's, else the client_id parameter, else HTTP Basic's user name. */
    private static String clientId(Pending pending, String authorization, Map<String, String> facts) {
        if (facts.containsKey("token.client")) {
            return facts.get("token.client");
        }
        List<String> clientId = pending.parameters().get("client_id");
        if (clientId != null && !clientId.isEmpty()) {
            return clientId.get(0);
        }
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && pending.apiUser() == null) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon > 0 ? URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8) : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }

    /**
     * The error and its description, from the answer: an OAuth error (RFC 6749 §5.2) or a redirect carrying one
     * (§4.1.2.1), an exchange's {@code commonHeader.errorCode}, or a problem's {@code rule}.
     */
    private static String[] error(ContainerResponseContext response) {
        URI location = response.getLocation();
        if (location != null && location.getRawQuery() != null) {
            Map<String, String> query = new LinkedHashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            if (query.containsKey("error")) {
                return new String[] {query.get("error"), query.get("error_description")};
            }
        }
        Object entity = response.getEntity();
        JsonObject json = null;
        if (entity instanceof JsonObject object) {
            json = object;
        } else if (entity instanceof String text && text.startsWith("{")) {
            try {
                json = JSON.createReader(new StringReader(text)).readObject();
            } catch (JsonException e) {
                json = null;
            }
        } else if (entity instanceof Problem problem) {
            return new String[] {problem.rule(), problem.detail()};
        }
        if (json == null) {
            return new String[] {null, null};
        }
        if (json.containsKey("error")) {
            return new String[] {text(json, "error"), text(json, "error_description")};
        }
        if (json.get("commonHeader") instanceof JsonObject header && !text(header, "errorCode", "").isEmpty()) {
            return new String[] {text(header, "errorCode"), json.get("errorDetail") instanceof JsonObject detail
                    ? text(detail, "message") : null};
        }
        if (json.containsKey("rule")) {
            return new String[] {text(json, "rule"), text(json, "detail")};
        }
        return new String[] {null, null};
    }

    private static String text(JsonObject json, String name) {
        return text(json, name, null);
    }

    private static String text(JsonObject json, String name, String fallback) {
        JsonValue value = json.get(name);
        return value instanceof JsonString s ? s.getString() : fallback;
    }
}
