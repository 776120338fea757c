package dev.mynasim.registry.api;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class GroupIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"G0001", "G9999", "G0000"})
    void groupIdIsGFollowedByFourDigits(String value) {
        assertThat(new GroupId(value)).hasToString(value).extracting(GroupId::value).isEqualTo(value);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"G", "G001", "G00001", "g0001", "H0001", "0001", "GG001", "G000A", " G0001", "G0001 ",
            "Ｇ0001"})
    void malformedGroupIdIsRefused(String value) {
        assertInvalid(() -> new GroupId(value), "groupId", "group-id-format");
    }
}
