package dev.mynasim.adapters.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mynasim.registry.api.RuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that checking a record breaks one named rule at one field path, as the data APIs will report it. */
final class Violations {

    /** Hiragana, katakana or a CJK ideograph: what a Japanese message cannot do without. */
    private static final String JAPANESE = "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]";

    private Violations() {
    }

    static RuleViolation assertInvalid(ThrowingCallable action, String field, String rule) {
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, action);
        assertThat(violation).as("expected the rule %s to be broken", rule).isNotNull();
        assertThat(violation.rule()).as("rule code").isEqualTo(rule);
        assertThat(violation.kind()).as("kind of %s", rule).isEqualTo(RuleViolation.Kind.INVALID);
        assertThat(violation.field()).as("field of %s", rule).isEqualTo(field);
        assertThat(violation.getMessage()).as("English message of %s", rule).contains(field);
        assertThat(violation.messageJa()).as("Japanese message of %s", rule).contains(field)
                .containsPattern(JAPANESE);
        return violation;
    }
}
