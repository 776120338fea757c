package dev.mynasim.adapters.layout;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The demo persons' records, shipped as data files: {@code /dev/mynasim/adapters/demo-data/<person id>/<api code>.json}
 * holds {@code {"<resource>": [records…]}}, and {@code index.json} lists the persons ({@code {"persons": [ids…]}}).
 * A malformed file is a packaging defect and fails with an {@link IllegalStateException} naming it.
 */
public final class DemoData {

    static final String DIRECTORY = "/dev/mynasim/adapters/demo-data/";

    private DemoData() {
    }

    /**
     * The demo records of a person for one API, by resource, in file order; an empty map when the person has no
     * file for the API. The id must be a UUID: it becomes part of a resource path.
     */
    public static Map<String, List<JsonObject>> read(String personId, MynaApi api) {
        try {
            UUID.fromString(personId);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RuleViolation.invalid("personId", "person-id-format", "personId must be a UUID, got: " + personId,
                    "personId（利用者 ID）は UUID 形式で指定してください。入力値: " + personId);
        }
        String file = DIRECTORY + personId + "/" + api.code() + ".json";
        Optional<JsonValue> root = readFile(file);
        if (root.isEmpty()) {
            return Map.of();
        }
        JsonObject object = object(file, root.get(), "the file");
        Map<String, List<JsonObject>> records = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String resource = entry.getKey();
            if (entry.getValue().getValueType() != JsonValue.ValueType.ARRAY) {
                throw malformed(file, "\"" + resource + "\" must be an array of records");
            }
            List<JsonObject> list = new ArrayList<>();
            List<JsonValue> values = entry.getValue().asJsonArray();
            for (int i = 0; i < values.size(); i++) {
                list.add(object(file, values.get(i), resource + "[" + i + "]"));
            }
            records.put(resource, List.copyOf(list));
        }
        return Collections.unmodifiableMap(records);
    }

    /** The ids of the demo persons, as listed by {@code index.json}; empty when there is no index. */
    public static List<String> personIds() {
        String file = DIRECTORY + "index.json";
        Optional<JsonValue> root = readFile(file);
        if (root.isEmpty()) {
            return List.of();
        }
        JsonValue persons = object(file, root.get(), "the file").get("persons");
        if (persons == null || persons.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(file, "\"persons\" must be an array of person ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonValue value : persons.asJsonArray()) {
            if (!(value instanceof JsonString id)) {
                throw malformed(file, "\"persons\" must hold strings, found " + value);
            }
            try {
                UUID.fromString(id.getString());
            } catch (IllegalArgumentException e) {
                throw malformed(file, "\"persons\" holds " + id.getString() + ", which is not a UUID");
            }
            ids.add(id.getString());
        }
        return List.copyOf(ids);
    }

    private static Optional<JsonValue> readFile(String file) {
        try (InputStream in = DemoData.class.getResourceAsStream(file)) {
            if (in == null) {
                return Optional.empty();
            }
            try (JsonReader reader = JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return Optional.of(reader.readValue());
            }
        } catch (JsonException e) {
            throw malformed(file, "not valid JSON: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read demo data file " + file, e);
        }
    }

    private static JsonObject object(String file, JsonValue value, String at) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed(file, at + " must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static IllegalStateException malformed(String file, String detail) {
        return new IllegalStateException("Malformed demo data file " + file + ": " + detail);
    }
}
