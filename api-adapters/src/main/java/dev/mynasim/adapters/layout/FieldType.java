package dev.mynasim.adapters.layout;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** The value types a layout field may have, as written in the layout files. */
public enum FieldType {
    /** A JSON string. */
    TEXT("text", "text", "文字列"),
    /** A JSON number without a fractional part. */
    INTEGER("integer", "an integer", "整数"),
    /** Any JSON number. */
    DECIMAL("decimal", "a number", "数値"),
    /** A string {@code yyyy-MM-dd}. */
    DATE("date", "a date yyyy-MM-dd", "日付 (yyyy-MM-dd)"),
    /** A string {@code yyyy-MM}. */
    MONTH("month", "a month yyyy-MM", "年月 (yyyy-MM)"),
    /** An ISO-8601 date and time with its offset, e.g. {@code 2026-04-01T09:30:00+09:00}. */
    DATETIME("datetime", "a date and time with offset such as 2026-04-01T09:30:00+09:00",
            "オフセット付き日時 (例: 2026-04-01T09:30:00+09:00)"),
    /** {@code true} or {@code false}. */
    BOOLEAN("boolean", "true or false", "真偽値 (true / false)"),
    /** An array of objects, each laid out by the field's nested fields. */
    LIST("list", "an array of objects", "オブジェクトの配列");

    /** Records' dates are Japanese dates: a datetime counts on the day it has in Japan. */
    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private static final Pattern DATE_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern MONTH_SHAPE = Pattern.compile("[0-9]{4}-[0-9]{2}");
    private static final DateTimeFormatter DATE_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter MONTH_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM").withResolverStyle(ResolverStyle.STRICT);

    private final String code;
    private final String expected;
    private final String expectedJa;

    FieldType(String code, String expected, String expectedJa) {
        this.code = code;
        this.expected = expected;
        this.expectedJa = expectedJa;
    }

    /** The name used in layout files. */
    public String code() {
        return code;
    }

    /** What a value of this type looks like, for English messages. */
    String expected() {
        return expected;
    }

    /** What a value of this type looks like, for Japanese messages. */
    String expectedJa() {
        return expectedJa;
    }

    /** True for the types a layout may name as its date field. */
    public boolean isTemporal() {
        return this == DATE || this == MONTH || this == DATETIME;
    }

    /**
     * The calendar date a value of a date, month or datetime type stands for: the date itself, the first day of the
     * month, or the date in Asia/Tokyo of the instant. Fails with a {@link DateTimeException} on a malformed value.
     */
    LocalDate dateOf(String value) {
        return switch (this) {
            case DATE -> {
                if (!DATE_SHAPE.matcher(value).matches()) {
                    throw new DateTimeException("not yyyy-MM-dd: " + value);
                }
                yield LocalDate.parse(value, DATE_FORMAT);
            }
            case MONTH -> {
                if (!MONTH_SHAPE.matcher(value).matches()) {
                    throw new DateTimeException("not yyyy-MM: " + value);
                }
                yield YearMonth.parse(value, MONTH_FORMAT).atDay(1);
            }
            case DATETIME -> OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .atZoneSameInstant(JAPAN).toLocalDate();
            default -> throw new IllegalStateException(code + " values are not dates");
        };
    }

    public static Optional<FieldType> fromCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }
}
