package dev.mynasim.adapters.layout;

import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * One field of a layout: its Japanese name (the JSON key), type, whether a record must carry it, a short Japanese
 * description, and optionally the pattern a text value must match in full, the code system it is drawn from, and,
 * for a list, the fields of each element.
 */
public record Field(String name, FieldType type, boolean required, String description, String pattern,
                    String codeSystem, List<Field> fields) {

    public Field {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A field needs a name");
        }
        if (type == null) {
            throw new IllegalArgumentException("Field " + name + " needs a type");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("Field " + name + " needs a description");
        }
        if (pattern != null) {
            if (type != FieldType.TEXT) {
                throw new IllegalArgumentException("Field " + name + " has a pattern but is not text");
            }
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("Field " + name + " has a bad pattern: " + e.getMessage(), e);
            }
        }
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (type == FieldType.LIST && fields.isEmpty()) {
            throw new IllegalArgumentException("List field " + name + " needs the fields of its elements");
        }
        if (type != FieldType.LIST && !fields.isEmpty()) {
            throw new IllegalArgumentException("Field " + name + " has nested fields but is not a list");
        }
        requireUniqueNames(name, fields);
    }

    static void requireUniqueNames(String owner, List<Field> fields) {
        Set<String> seen = new HashSet<>();
        for (Field field : fields) {
            if (!seen.add(field.name())) {
                throw new IllegalArgumentException(owner + " has the field " + field.name() + " twice");
            }
        }
    }

    /**
     * Checks that {@code value} is an object holding every required field of {@code fields}, each with a value of
     * its type, and no other key. {@code path} names the object in messages ({@code records[3]}).
     */
    static void checkObject(JsonValue value, List<Field> fields, String path, String layoutCode) {
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw RuleViolation.invalid(path, "record-not-object",
                    path + " must be a JSON object laid out as " + layoutCode + ", got " + describe(value),
                    path + " はレイアウト " + layoutCode + " の JSON オブジェクトで指定してください（実際の値: "
                            + describeJa(value) + "）");
        }
        JsonObject object = value.asJsonObject();
        for (String key : object.keySet()) {
            if (fields.stream().noneMatch(field -> field.name().equals(key))) {
                String known = fields.stream().map(Field::name).collect(Collectors.joining(", "));
                String at = child(path, key);
                throw RuleViolation.invalid(at, "record-unknown-field",
                        at + " is not a field of layout " + layoutCode + "; its fields are: " + known,
                        at + " はレイアウト " + layoutCode + " にない項目です。項目: " + known);
            }
        }
        for (Field field : fields) {
            field.check(object.get(field.name()), child(path, field.name()), layoutCode);
        }
    }

    /** Checks one value of this field, {@code null} when the record does not carry it. */
    void check(JsonValue value, String path, String layoutCode) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            if (required) {
                throw missing(path, layoutCode);
            }
            return;
        }
        switch (type) {
            case TEXT -> checkText(value, path, layoutCode);
            case INTEGER -> {
                if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
                    throw wrongType(value, path);
                }
            }
            case DECIMAL -> {
                if (!(value instanceof JsonNumber)) {
                    throw wrongType(value, path);
                }
            }
            case BOOLEAN -> {
                if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                    throw wrongType(value, path);
                }
            }
            case DATE, MONTH, DATETIME -> dateOf(value, path);
            case LIST -> {
                if (!(value instanceof JsonArray array)) {
                    throw wrongType(value, path);
                }
                for (int i = 0; i < array.size(); i++) {
                    checkObject(array.get(i), fields, path + "[" + i + "]", layoutCode);
                }
            }
        }
    }

    /** The calendar date of a date, month (its first day) or datetime value (its date in Asia/Tokyo). */
    LocalDate dateOf(JsonValue value, String path) {
        if (!(value instanceof JsonString text)) {
            throw wrongType(value, path);
        }
        try {
            return type.dateOf(text.getString());
        } catch (DateTimeException e) {
            throw RuleViolation.invalid(path, "record-" + type.code(),
                    path + " must be " + type.expected() + ", got: " + preview(text.getString()),
                    path + " は" + type.expectedJa() + "で指定してください。入力値: " + preview(text.getString()));
        }
    }

    private void checkText(JsonValue value, String path, String layoutCode) {
        if (!(value instanceof JsonString text)) {
            throw wrongType(value, path);
        }
        String string = text.getString();
        if (required && string.isBlank()) {
            throw missing(path, layoutCode);
        }
        if (pattern != null && !Pattern.compile(pattern).matcher(string).matches()) {
            String system = codeSystem == null ? "" : " (" + codeSystem + ")";
            throw RuleViolation.invalid(path, "record-pattern",
                    path + " must match " + pattern + system + ", got: " + preview(string),
                    path + " は " + pattern + system + " の形式で指定してください。入力値: " + preview(string));
        }
    }

    private RuleViolation missing(String path, String layoutCode) {
        return RuleViolation.invalid(path, "record-required",
                path + " is required by layout " + layoutCode,
                path + " はレイアウト " + layoutCode + " の必須項目です");
    }

    private RuleViolation wrongType(JsonValue value, String path) {
        return RuleViolation.invalid(path, "record-type",
                path + " must be " + type.expected() + ", got " + describe(value),
                path + " は" + type.expectedJa() + "で指定してください（実際の値: " + describeJa(value) + "）");
    }

    static String child(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    private static String describe(JsonValue value) {
        if (value == null) {
            return "nothing";
        }
        return switch (value.getValueType()) {
            case STRING -> "the string " + preview(((JsonString) value).getString());
            case NUMBER -> "the number " + value;
            case TRUE, FALSE -> "the boolean " + value;
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
        };
    }

    private static String describeJa(JsonValue value) {
        if (value == null) {
            return "なし";
        }
        return switch (value.getValueType()) {
            case STRING -> "文字列 " + preview(((JsonString) value).getString());
            case NUMBER -> "数値 " + value;
            case TRUE, FALSE -> "真偽値 " + value;
            case ARRAY -> "配列";
            case OBJECT -> "オブジェクト";
            case NULL -> "null";
        };
    }

    /** At most 40 code points of a value, so a 2,000-character 本文 does not flood a message. */
    private static String preview(String value) {
        int limit = 40;
        if (value.codePointCount(0, value.length()) <= limit) {
            return "\"" + value + "\"";
        }
        return "\"" + value.substring(0, value.offsetByCodePoints(0, limit)) + "…\"";
    }
}
