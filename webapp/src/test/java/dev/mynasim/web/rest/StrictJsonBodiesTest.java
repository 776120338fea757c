package dev.mynasim.web.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mynasim.registry.api.RuleViolation;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StrictJsonBodiesTest {

    @Test
    void aBodyThatIsNotUtf8IsRefusedRatherThanReadWithReplacementCharacters() {
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        RuleViolation refused = catchThrowableOfType(RuleViolation.class, () -> StrictJsonBodies.parse(body));

        assertThat(refused.rule()).isEqualTo("body-not-utf8");
        assertThat(refused.field()).isEqualTo("body");
    }

    @Test
    void aNameGivenTwiceInOneObjectIsRefusedAndNamed() {
        RuleViolation refused = catchThrowableOfType(RuleViolation.class,
                () -> StrictJsonBodies.parse(utf8("{\"pin\": \"1234\", \"name\": \"a\", \"pin\": \"9999\"}")));

        assertThat(refused.rule()).isEqualTo("field-repeated");
        assertThat(refused.field()).isEqualTo("pin");
    }

    @Test
    void theSameNameInTwoDifferentObjectsIsFine() {
        assertThat(StrictJsonBodies.parse(utf8("{\"a\": {\"id\": 1}, \"b\": [{\"id\": 2}, {\"id\": 3}], \"id\": 4}"))
                .asJsonObject()).containsKeys("a", "b", "id");
    }

    @Test
    void tenThousandLevelsOfNestingAreA400NotAStackOverflow() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String deepObjects = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

        assertThat(catchThrowableOfType(RuleViolation.class, () -> StrictJsonBodies.parse(utf8(deep))).rule())
                .isEqualTo("body-too-deep");
        assertThat(catchThrowableOfType(RuleViolation.class, () -> StrictJsonBodies.parse(utf8(deepObjects))).rule())
                .isEqualTo("body-too-deep");
    }

    @Test
    void nestingUpToTheLimitIsRead() {
        int levels = StrictJsonBodies.MAX_DEPTH;
        assertThat(StrictJsonBodies.parse(utf8("[".repeat(levels) + "]".repeat(levels)))).isNotNull();
    }

    @Test
    void malformedJsonStaysBodyMalformed() {
        assertThat(catchThrowableOfType(RuleViolation.class, () -> StrictJsonBodies.parse(utf8("{\"a\": ")))
                .rule()).isEqualTo("body-malformed");
    }

    @Test
    void japaneseTextInUtf8IsReadAsIs() {
        assertThat(StrictJsonBodies.parse(utf8("{\"name\": \"山田 太郎\"}")).asJsonObject().getString("name"))
                .isEqualTo("山田 太郎");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
