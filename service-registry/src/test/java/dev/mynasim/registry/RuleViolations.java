package dev.mynasim.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mynasim.registry.api.RuleViolation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that an action breaks one named rule, the way the REST and Faces surfaces will report it. */
public final class RuleViolations {

    /** Hiragana, katakana or a CJK ideograph: what a Japanese message cannot do without. */
    private static final String JAPANESE = "[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]";

    private RuleViolations() {
    }

    /**
     * Runs {@code action} and checks it fails with a {@link RuleViolation} of the given kind, field and rule code,
     * with an English message and a non-blank Japanese one. Returns the violation for further checks.
     */
    public static RuleViolation assertViolation(ThrowingCallable action, RuleViolation.Kind kind, String field,
                                                String rule) {
        RuleViolation violation = catchThrowableOfType(RuleViolation.class, action);
        assertThat(violation).as("expected the rule %s to be broken", rule).isNotNull();
        assertThat(violation.rule()).as("rule code").isEqualTo(rule);
        assertThat(violation.kind()).as("kind of %s", rule).isEqualTo(kind);
        assertThat(violation.field()).as("field of %s", rule).isEqualTo(field);
        assertThat(violation.getMessage()).as("English message of %s", rule).isNotBlank();
        assertThat(violation.messageJa()).as("Japanese message of %s", rule).isNotBlank().containsPattern(JAPANESE);
        return violation;
    }

    public static RuleViolation assertInvalid(ThrowingCallable action, String field, String rule) {
        return assertViolation(action, RuleViolation.Kind.INVALID, field, rule);
    }

    public static RuleViolation assertConflict(ThrowingCallable action, String field, String rule) {
        return assertViolation(action, RuleViolation.Kind.CONFLICT, field, rule);
    }

    public static RuleViolation assertForbidden(ThrowingCallable action, String rule) {
        return assertViolation(action, RuleViolation.Kind.FORBIDDEN, null, rule);
    }
}
