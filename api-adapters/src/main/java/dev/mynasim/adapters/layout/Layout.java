package dev.mynasim.adapters.layout;

import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A simulator-defined data layout: how the records of one resource of an API look (the official layouts are given
 * only to approved applicants). {@code code} is what the resource exchange names ({@code SIM-MI-0001}),
 * {@code resource} the path segment of the synchronous data API ({@code medications}), {@code dateField} the field
 * that dates a record, which date filters and sorting use.
 */
public record Layout(String code, MynaApi api, String resource, String nameJa, String nameEn, String dateField,
                     List<Field> fields) {

    public Layout {
        requireText("code", code);
        if (api == null) {
            throw new IllegalArgumentException("Layout " + code + " needs an API");
        }
        requireText("resource", resource);
        requireText("nameJa", nameJa);
        requireText("nameEn", nameEn);
        requireText("dateField", dateField);
        fields = fields == null ? List.of() : List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("Layout " + code + " has no fields");
        }
        Field.requireUniqueNames("Layout " + code, fields);
        Field dated = fields.stream().filter(field -> field.name().equals(dateField)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Layout " + code + " names the date field " + dateField + ", which it does not have"));
        if (!dated.type().isTemporal() || !dated.required()) {
            throw new IllegalArgumentException(
                    "Layout " + code + ": the date field " + dateField + " must be a required date, month or datetime");
        }
    }

    public Optional<Field> field(String name) {
        return fields.stream().filter(field -> field.name().equals(name)).findFirst();
    }

    /**
     * Checks that {@code record} follows this layout: every required field present, every value of its field's
     * type, pattern and format, no unknown key, the same for each element of a list. Fails with
     * {@link RuleViolation#invalid} naming the offending value by its path below {@code path}
     * ({@code records[3].血液検査[0].結果値}).
     */
    public void check(JsonObject record, String path) {
        Field.checkObject(record, fields, path, code);
    }

    /** As {@link #check(JsonObject, String)}, and fails with {@code record-not-object} when it is not an object. */
    public void check(JsonValue record, String path) {
        Field.checkObject(record, fields, path, code);
    }

    /**
     * The date of a record: its date field's value, the first day of a month, or the date in Asia/Tokyo of a
     * datetime. Fails like {@link #check} when the record has no valid date field.
     */
    public LocalDate date(JsonObject record) {
        Field dated = field(dateField).orElseThrow();
        JsonValue value = record.get(dateField);
        dated.check(value, dateField, code);
        return dated.dateOf(value, dateField);
    }

    private static void requireText(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A layout needs " + what);
        }
    }
}
