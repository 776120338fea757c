package dev.mynasim.adapters.data;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/** Reads the members of an exchange's request block ({@code *ReqInfo}), refusing a wrong JSON type with ETL0005. */
public final class RequestBlocks {

    private RequestBlocks() {
    }

    /** A string member, or empty when the block or the member is missing, null or blank. */
    public static Optional<String> text(JsonObject block, String member, String blockName) {
        if (block == null || !block.containsKey(member) || block.isNull(member)) {
            return Optional.empty();
        }
        JsonValue value = block.get(member);
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw DataRefused.badRequestInfo(blockName, member + " must be a string", member + " は文字列で指定してください");
        }
        String text = ((JsonString) value).getString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
