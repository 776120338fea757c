package dev.mynasim.registry.api;

import java.util.regex.Pattern;

/** Web サービス id: 2 capital letters followed by 4 digits, unique within its API user. */
public record ServiceId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z]{2}\\d{4}");

    public ServiceId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw RuleViolation.invalid("serviceId", "service-id-format",
                    "Service id must be 2 capital letters followed by 4 digits (e.g. AA0001), got: " + value,
                    "サービス ID は英大文字 2 文字と数字 4 桁で指定してください (例: AA0001)。入力値: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
