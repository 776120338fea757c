package dev.mynasim.adapters.data;

import static dev.mynasim.registry.api.JsonP.JSON;

import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.util.Optional;

/** Reads request bodies with JSON-P, so each surface can answer malformed JSON in its own error format. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object or array, or empty when it is blank or not well-formed JSON. */
    public static Optional<JsonStructure> parse(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try (JsonReader reader = JSON.createReader(new StringReader(body))) {
            return Optional.of(reader.read());
        } catch (JsonParsingException e) {
            return Optional.empty();
        } catch (JsonException e) {
            return Optional.empty();
        }
    }
}
