package dev.mynasim.adapters.layout;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonArray;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of layouts, read from one file per API ({@code /dev/mynasim/adapters/layouts/<api-code>.json}) so
 * that the simulator-defined layouts can be replaced without a code change. Immutable; a malformed file stops the
 * load with an {@link IllegalStateException} naming it, since serving records by a broken layout helps no one.
 */
public final class Layouts {

    static final String DIRECTORY = "/dev/mynasim/adapters/layouts/";

    private static final Set<String> FILE_KEYS = Set.of("api", "simulatorDefined", "description", "layouts");
    private static final Set<String> LAYOUT_KEYS =
            Set.of("code", "resource", "nameJa", "nameEn", "dateField", "fields");
    private static final Set<String> FIELD_KEYS =
            Set.of("name", "type", "required", "description", "pattern", "codeSystem", "fields");

    private final List<Layout> all;

    private Layouts(List<Layout> all) {
        this.all = List.copyOf(all);
    }

    /** Reads the layout file of every API that has one on the classpath. */
    public static Layouts load() {
        List<Layout> layouts = new ArrayList<>();
        Map<String, String> fileOfCode = new HashMap<>();
        for (MynaApi api : MynaApi.values()) {
            String file = DIRECTORY + api.code() + ".json";
            try (InputStream in = Layouts.class.getResourceAsStream(file)) {
                if (in == null) {
                    continue;
                }
                for (Layout layout : read(api, file, in)) {
                    String earlier = fileOfCode.putIfAbsent(layout.code(), file);
                    if (earlier != null) {
                        throw new IllegalStateException("Layout file " + file + " defines the layout code "
                                + layout.code() + ", already defined in " + earlier);
                    }
                    layouts.add(layout);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read layout file " + file, e);
            }
        }
        return new Layouts(layouts);
    }

    /** The layouts of one API, in file order; empty for an API that serves no records. */
    public List<Layout> of(MynaApi api) {
        return all.stream().filter(layout -> layout.api() == api).toList();
    }

    /** The layout of an API's resource ({@code medications}), if the API has it. */
    public Optional<Layout> find(MynaApi api, String resource) {
        return all.stream().filter(layout -> layout.api() == api && layout.resource().equals(resource)).findFirst();
    }

    /** The layout with a layout code ({@code SIM-MI-0001}). */
    public Optional<Layout> byCode(String code) {
        return all.stream().filter(layout -> layout.code().equals(code)).findFirst();
    }

    public List<Layout> all() {
        return all;
    }

    /**
     * Parses one layout file of {@code api}; {@code file} names it in the failure. Each layout code and each
     * resource appear once in a file, and the file's {@code api} must be the API it is read for.
     */
    static List<Layout> read(MynaApi api, String file, InputStream in) {
        JsonValue root;
        try (JsonReader reader = JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            root = reader.readValue();
        } catch (JsonException e) {
            throw malformed(file, "not valid JSON: " + e.getMessage());
        }
        JsonObject object = object(file, root, "the file");
        keys(file, object, FILE_KEYS, "the file");
        String declared = text(file, object, "api", "the file");
        if (!declared.equals(api.code())) {
            throw malformed(file, "\"api\" is " + declared + " but the file is that of " + api.code());
        }
        if (object.containsKey("simulatorDefined")) {
            bool(file, object, "simulatorDefined", "the file");
        }
        JsonArray array = array(file, object, "layouts", "the file");
        if (array.isEmpty()) {
            throw malformed(file, "\"layouts\" is empty");
        }
        List<Layout> layouts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "layouts[" + i + "]";
            Layout layout = layout(api, file, object(file, array.get(i), at), at);
            if (layouts.stream().anyMatch(other -> other.code().equals(layout.code()))) {
                throw malformed(file, at + " repeats the layout code " + layout.code());
            }
            if (layouts.stream().anyMatch(other -> other.resource().equals(layout.resource()))) {
                throw malformed(file, at + " repeats the resource " + layout.resource());
            }
            layouts.add(layout);
        }
        return layouts;
    }

    private static Layout layout(MynaApi api, String file, JsonObject object, String at) {
        keys(file, object, LAYOUT_KEYS, at);
        List<Field> fields = fields(file, object, at);
        try {
            return new Layout(text(file, object, "code", at), api, text(file, object, "resource", at),
                    text(file, object, "nameJa", at), text(file, object, "nameEn", at),
                    text(file, object, "dateField", at), fields);
        } catch (IllegalArgumentException e) {
            throw malformed(file, at + ": " + e.getMessage());
        }
    }

    private static List<Field> fields(String file, JsonObject owner, String at) {
        JsonArray array = array(file, owner, "fields", at);
        List<Field> fields = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String fieldAt = at + ".fields[" + i + "]";
            JsonObject object = object(file, array.get(i), fieldAt);
            keys(file, object, FIELD_KEYS, fieldAt);
            String typeCode = text(file, object, "type", fieldAt);
            FieldType type = FieldType.fromCode(typeCode)
                    .orElseThrow(() -> malformed(file, fieldAt + " has the unknown type " + typeCode));
            try {
                fields.add(new Field(text(file, object, "name", fieldAt), type,
                        bool(file, object, "required", fieldAt), text(file, object, "description", fieldAt),
                        optionalText(file, object, "pattern", fieldAt),
                        optionalText(file, object, "codeSystem", fieldAt),
                        object.containsKey("fields") ? fields(file, object, fieldAt) : List.of()));
            } catch (IllegalArgumentException e) {
                throw malformed(file, fieldAt + ": " + e.getMessage());
            }
        }
        return fields;
    }

    private static void keys(String file, JsonObject object, Set<String> allowed, String at) {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw malformed(file, at + " has the unknown key \"" + key + "\"; allowed: " + allowed);
            }
        }
    }

    private static JsonObject object(String file, JsonValue value, String at) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed(file, at + " must be a JSON object");
        }
        return value.asJsonObject();
    }

    private static JsonArray array(String file, JsonObject owner, String key, String at) {
        JsonValue value = owner.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw malformed(file, at + " needs \"" + key + "\" as an array");
        }
        return value.asJsonArray();
    }

    private static String text(String file, JsonObject owner, String key, String at) {
        JsonValue value = owner.get(key);
        if (!(value instanceof JsonString string) || string.getString().isBlank()) {
            throw malformed(file, at + " needs \"" + key + "\" as a non-blank string");
        }
        return string.getString();
    }

    private static String optionalText(String file, JsonObject owner, String key, String at) {
        return owner.containsKey(key) ? text(file, owner, key, at) : null;
    }

    private static boolean bool(String file, JsonObject owner, String key, String at) {
        JsonValue value = owner.get(key);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw malformed(file, at + " needs \"" + key + "\" as true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static IllegalStateException malformed(String file, String detail) {
        return new IllegalStateException("Malformed layout file " + file + ": " + detail);
    }
}
