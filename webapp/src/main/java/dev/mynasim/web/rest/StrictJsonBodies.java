package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a JSON request body against the record it is read into before JSON-B sees it: unknown fields and values of
 * the wrong JSON type are refused with the field named, where JSON-B would drop or coerce them ({@code "yes"} is not
 * {@code false}, {@code 1234} is not {@code "1234"}). The body must be UTF-8 (RFC 8259 §8.1), hold each name once in
 * an object (§4 leaves duplicates to the reader: here they are refused, never resolved silently) and nest at most
 * {@value #MAX_DEPTH} levels, so a hostile body is a 400 and never a stack overflow.
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

    /** Far deeper than any request record of the simulator; bounded so that reading never recurses without end. */
    static final int MAX_DEPTH = 32;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!context.getType().isRecord() || context.getMediaType() == null
                || !context.getMediaType().getSubtype().endsWith("json")) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length == 0) {
            return context.proceed();
        }
        check("", parse(body), context.getType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** The body as JSON, refusing what is not UTF-8, repeats a name in an object or nests too deep. */
    static JsonValue parse(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw RuleViolation.invalid("body", "body-not-utf8", "The request body is not valid UTF-8 (RFC 8259 §8.1)",
                    "リクエストボディが正しい UTF-8 ではありません (RFC 8259 §8.1)");
        }
        try {
            checkShape(text);
            try (var reader = JSON.createReader(new StringReader(text))) {
                return reader.readValue();
            }
        } catch (JsonParsingException e) {
            throw RuleViolation.invalid("body", "body-malformed", "The request body is not valid JSON: " + e.getMessage(),
                    "リクエストボディが正しい JSON ではありません: " + e.getMessage());
        }
    }

    /** One streaming pass (no recursion): the nesting depth and the names of every open object. */
    private static void checkShape(String text) {
        Deque<Set<String>> names = new ArrayDeque<>();
        int depth = 0;
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                switch (parser.next()) {
                    case START_OBJECT, START_ARRAY -> {
                        if (++depth > MAX_DEPTH) {
                            throw RuleViolation.invalid("body", "body-too-deep",
                                    "The request body nests deeper than " + MAX_DEPTH + " levels",
                                    "リクエストボディの入れ子が " + MAX_DEPTH + " 段を超えています");
                        }
                        names.push(new HashSet<>());
                    }
                    case END_OBJECT, END_ARRAY -> {
                        depth--;
                        names.pop();
                    }
                    case KEY_NAME -> {
                        String name = parser.getString();
                        if (!names.peek().add(name)) {
                            throw RuleViolation.invalid(name, "field-repeated",
                                    "The field " + name + " appears more than once in one object",
                                    "項目 " + name + " が 1 つのオブジェクトに複数回あります");
                        }
                    }
                    default -> {
                        // values: their types are checked against the record afterwards
                    }
                }
            }
        }
    }

    private static void check(String path, JsonValue value, Type type) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isRecord()) {
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw wrongType(path, "an object", value);
            }
            checkRecord(path, value.asJsonObject(), raw);
        } else if (List.class.isAssignableFrom(raw)) {
            if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw wrongType(path, "an array", value);
            }
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(path + "[" + i + "]", array.get(i), element);
            }
        } else if (raw == String.class && value.getValueType() != JsonValue.ValueType.STRING) {
            throw wrongType(path, "a string", value);
        } else if (raw == Boolean.class && value.getValueType() != JsonValue.ValueType.TRUE
                && value.getValueType() != JsonValue.ValueType.FALSE) {
            throw wrongType(path, "true or false", value);
        } else if ((raw == Long.class || raw == Integer.class) && (value.getValueType() != JsonValue.ValueType.NUMBER
                || !((jakarta.json.JsonNumber) value).isIntegral())) {
            throw wrongType(path, "a whole number", value);
        }
    }

    private static void checkRecord(String path, JsonObject object, Class<?> record) {
        Map<String, RecordComponent> components = Arrays.stream(record.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        for (var entry : object.entrySet()) {
            RecordComponent component = components.get(entry.getKey());
            String field = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
            if (component == null) {
                throw RuleViolation.invalid(field, "field-unknown",
                        "Unknown field " + field + "; known fields: " + String.join(", ", components.keySet()),
                        "未知の項目 " + field + " です。指定できる項目: " + String.join(", ", components.keySet()));
            }
            check(field, entry.getValue(), component.getGenericType());
        }
    }

    private static RuleViolation wrongType(String field, String expected, JsonValue value) {
        String name = field.isEmpty() ? "body" : field;
        return RuleViolation.invalid(name, "field-type", name + " must be " + expected + ", got: " + value,
                name + " の型が正しくありません (" + expected + " が必要です)。入力値: " + value);
    }
}
