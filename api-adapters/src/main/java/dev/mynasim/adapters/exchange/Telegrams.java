package dev.mynasim.adapters.exchange;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.registry.api.ClientId;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a telegram every exchange call checks: the {@code commonHeader} and its {@code telegramId}
 * ({@code TL-<8-digit API user number>-<yyMMddHHmmss>-<4-digit sequence>}, as public client code builds it).
 */
final class Telegrams {

    private static final Pattern TELEGRAM_ID = Pattern.compile("TL-(\\d{8})-(\\d{12})-(\\d{4})");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private Telegrams() {
    }

    static JsonObject commonHeader(JsonObject telegram) {
        JsonValue header = telegram.get("commonHeader");
        if (header == null || header.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new DataRefused("ETL0001", 400, "The telegram needs a commonHeader object",
                    "電文に commonHeader オブジェクトがありません");
        }
        return header.asJsonObject();
    }

    /** A string member of the header, or empty when absent, null or blank; another JSON type is refused. */
    static Optional<String> text(JsonObject header, String member) {
        JsonValue value = header.get(member);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return Optional.empty();
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new DataRefused("ETL0001", 400, "commonHeader." + member + " must be a string",
                    "commonHeader." + member + " は文字列で指定してください");
        }
        String text = ((JsonString) value).getString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }

    /** Checks the telegram id's format, its time stamp, and that its API user number is the caller's. */
    static String telegramId(JsonObject header, ClientId client) {
        String id = text(header, "telegramId").orElseThrow(() -> new DataRefused("ETL0002", 400,
                "commonHeader.telegramId is required", "commonHeader.telegramId は必須です"));
        Matcher matcher = TELEGRAM_ID.matcher(id);
        if (!matcher.matches() || !validStamp(matcher.group(2))) {
            throw new DataRefused("ETL0002", 400,
                    "telegramId must be TL-<8-digit API user number>-<yyMMddHHmmss>-<4-digit sequence>, got: " + id,
                    "telegramId は TL-<API 利用者番号 8 桁>-<yyMMddHHmmss>-<連番 4 桁> の形式です。入力値: " + id);
        }
        String number = client.apiUser().value().substring(2);
        if (!matcher.group(1).equals(number)) {
            throw new DataRefused("ETL0002", 400,
                    "telegramId " + id + " names API user " + matcher.group(1) + ", but the token is " + number + "'s",
                    "telegramId " + id + " の API 利用者番号 " + matcher.group(1) + " がトークンの API 利用者 " + number
                            + " と一致しません");
        }
        return id;
    }

    private static boolean validStamp(String stamp) {
        try {
            LocalDateTime.parse(stamp, STAMP);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
