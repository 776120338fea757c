package dev.mynasim.adapters.data;

import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * One Mynaportal API: what its exchange looks like on the wire, whom it serves, and its data. Adding an API means
 * adding one implementation (a CDI bean) and its data files; both doors find it by its {@link #api()}.
 */
public interface ApiAdapter {

    MynaApi api();

    /** Telegram types and block names of the Mynaportal-compatible exchange. */
    ExchangeShape shape();

    /** The resources of the synchronous view ({@code GET {base}/api/v1/{api}/{resource}}). */
    List<String> resources();

    /** Refuses a person this API does not serve now (not registered, no attribute linkage …). */
    void admit(VerifiedAccessToken token) throws DataRefused;

    /**
     * At request time: checks the request block, does what it asks (a registration, a linkage), and returns the
     * small JSON the result will need.
     */
    JsonObject accept(VerifiedAccessToken token, JsonObject requestInfo) throws DataRefused;

    /** At result time: the data, laid out as this API defines it, for the accepted request. */
    JsonObject provide(VerifiedAccessToken token, JsonObject accepted);

    /** The synchronous view of one resource: {@code GET} reads it, other methods change it where the API may. */
    JsonObject view(VerifiedAccessToken token, String resource, ViewRequest request) throws DataRefused;
}
