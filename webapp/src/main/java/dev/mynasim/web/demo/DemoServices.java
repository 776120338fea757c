package dev.mynasim.web.demo;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The four demo services of the guideline's figures (お薬・健診ノート AA0001 and 予防接種記録 AA0002, grouped, with
 * the skip feature; お薬手帳ビューア AA0003 and 健診結果ビューア AA0004, one API each, without it) and what they do
 * for a browser: start a link, finish it at the callback, fetch again.
 */
@ApplicationScoped
public class DemoServices {

    public static final List<String> IDS = List.of("AA0001", "AA0002", "AA0003", "AA0004");

    @Inject
    DemoClient client;

    @Inject
    DemoJourneys journeys;

    @Inject
    ServiceDirectory directory;

    public boolean known(String serviceId) {
        return IDS.contains(serviceId);
    }

    public Optional<RegisteredService> registration(String serviceId) {
        return known(serviceId) ? directory.find(Environment.TEST, ClientId.parse(client.clientId(serviceId)))
                : Optional.empty();
    }

    /** 「マイナポータルと連携」: remembers a fresh state for this browser and answers the authorize URL. */
    public String start(String browser, String serviceId) {
        DemoJourney journey = journeys.get(browser);
        String state = DemoJourneys.newId();
        journey.getPending().put(state, serviceId);
        journeys.put(browser, journey);
        return client.authorizeUrl(serviceId, state);
    }

    /**
     * The authorization's answer at the redirect URI: an unknown state changes nothing (RFC 6749 §10.12); an error
     * (連携をやめる) is shown; a code is exchanged, counted on the journey panel, and the service's data fetched.
     */
    public void finish(String browser, String serviceId, String state, String code, String error) {
        DemoJourney journey = journeys.get(browser);
        if (state == null || !serviceId.equals(journey.getPending().remove(state))) {
            throw new DemoClient.Failed("state", "state");
        }
        DemoLink link = journey.getLinks().computeIfAbsent(serviceId, id -> new DemoLink());
        if (error != null || code == null) {
            link.setFailure(error == null ? "invalid_request" : error);
            journeys.put(browser, journey);
            return;
        }
        try {
            JWTClaimsSet claims = client.token(serviceId, code);
            boolean skipped = Boolean.TRUE.equals(claims.getBooleanClaim("verification_skipped"));
            journey.counted(skipped);
            link.setAccessToken(claims.getStringClaim("access_token"));
            link.setCardSkipped(skipped);
            link.setLinkedAt(Instant.now().toString());
            link.setFailure(null);
            link.getData().clear();
        } catch (DemoClient.Failed | ParseException e) {
            link.setFailure(e instanceof DemoClient.Failed f ? f.code() : "token");
            journeys.put(browser, journey);
            return;
        }
        journeys.put(browser, journey);
        refetch(browser, serviceId);
    }

    /** Fetches every API of the service again with the token it holds; a refusal is kept to be shown. */
    public void refetch(String browser, String serviceId) {
        DemoJourney journey = journeys.get(browser);
        DemoLink link = journey.getLinks().get(serviceId);
        if (link == null || link.getAccessToken() == null) {
            return;
        }
        link.setFailure(null);
        for (MynaApi api : registration(serviceId).map(RegisteredService::apis).orElseThrow()) {
            try {
                JsonObject data = client.fetch(link.getAccessToken(), api.code());
                link.getData().put(api.code(), data.toString());
            } catch (DemoClient.Failed e) {
                link.getData().remove(api.code());
                link.setFailure(e.code() + (e.getMessage().isBlank() ? "" : ": " + e.getMessage()));
            }
        }
        journeys.put(browser, journey);
    }
}
