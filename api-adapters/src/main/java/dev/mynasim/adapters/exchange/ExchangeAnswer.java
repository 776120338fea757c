package dev.mynasim.adapters.exchange;

import jakarta.json.JsonObject;
import java.util.Map;

/** What the exchange answers: the HTTP status, the JSON body (with its {@code commonHeader}) and extra headers. */
public record ExchangeAnswer(int status, JsonObject body, Map<String, String> headers) {
}
