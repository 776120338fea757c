package dev.mynasim.registry.api;

import java.util.regex.Pattern;

/** グルーピング id: {@code G} followed by 4 digits, unique within one API user and environment (simulator-defined). */
public record GroupId(String value) {

    private static final Pattern FORMAT = Pattern.compile("G\\d{4}");

    public GroupId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw RuleViolation.invalid("groupId", "group-id-format",
                    "Group id must be G followed by 4 digits (e.g. G0001), got: " + value,
                    "グループ ID は G と数字 4 桁で指定してください (例: G0001)。入力値: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
