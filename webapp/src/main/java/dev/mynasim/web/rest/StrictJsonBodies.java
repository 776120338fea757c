package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a JSON request body against the record it is read into before JSON-B sees it: unknown fields and values of
 * the wrong JSON type are refused with the field named, where JSON-B would drop or coerce them ({@code "yes"} is not
 * {@code false}, {@code 1234} is not {@code "1234"}).
 */
@Provider
public class StrictJsonBodies implements ReaderInterceptor {

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
        String text = new String(body, StandardCharsets.UTF_8);
        JsonValue value;
        try (var reader = JSON.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw RuleViolation.invalid("body", "body-malformed", "The request body is not valid JSON: " + e.getMessage(),
                    "リクエストボディが正しい JSON ではありません: " + e.getMessage());
        }
        check("", value, context.getType());
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
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
