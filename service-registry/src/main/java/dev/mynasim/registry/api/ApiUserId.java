package dev.mynasim.registry.api;

import java.util.regex.Pattern;

/** API 利用者 id: {@code SP} followed by 8 digits. */
public record ApiUserId(String value) {

    private static final Pattern FORMAT = Pattern.compile("SP\\d{8}");

    public ApiUserId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw RuleViolation.invalid("apiUserId", "api-user-id-format",
                    "API user id must be SP followed by 8 digits (e.g. SP00000001), got: " + value,
                    "API 利用者 ID は SP と数字 8 桁で指定してください (例: SP00000001)。入力値: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
