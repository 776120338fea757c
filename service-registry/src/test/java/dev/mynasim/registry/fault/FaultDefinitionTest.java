package dev.mynasim.registry.fault;

import static dev.mynasim.registry.RegistryFixtures.aClientId;
import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultEffect;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.MynaApi;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultDefinitionTest {

    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void anEffectIsRequired() {
        assertInvalid(() -> rule(null, null, null), "effect", "required");
    }

    @ParameterizedTest
    @EnumSource(FaultEffect.class)
    void everyEffectMayLeaveTheStepOpen(FaultEffect effect) {
        String parameter = switch (effect.parameter()) {
            case NONE, SECONDS_OPTIONAL -> null;
            case ERROR_CODE -> "EB0001";
            case SECONDS -> "60";
            case MILLISECONDS -> "500";
        };
        assertThat(rule(effect, null, parameter).step()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "ACCESS_DENIED,       AUTHORIZE",
            "CERTIFICATE_EXPIRED, CARD",
            "CARD_LOCKED,         CARD",
            "TOKEN_UNAUTHORIZED,  TOKEN",
            "SERVER_ERROR,        DATA",
            "CALLBACK_NEVER,      CALLBACK"
    })
    void aStepTheEffectAllowsIsKept(FaultEffect effect, FaultStep step) {
        assertThat(rule(effect, step, null).step()).contains(step);
    }

    @ParameterizedTest
    @CsvSource({
            "ACCESS_DENIED,       TOKEN",
            "CERTIFICATE_EXPIRED, AUTHORIZE",
            "TOKEN_UNAUTHORIZED,  DATA",
            "SERVER_ERROR,        CARD",
            "CALLBACK_NEVER,      RESULT"
    })
    void aStepTheEffectDoesNotAllowIsRefused(FaultEffect effect, FaultStep step) {
        assertThat(assertInvalid(() -> rule(effect, step, null), "step", "step-not-for-effect").getMessage())
                .contains(effect.code(), step.code());
    }

    @Test
    void anEffectWithoutParameterRefusesOne() {
        assertInvalid(() -> rule(FaultEffect.ACCESS_DENIED, null, "1"), "parameter", "parameter-unexpected");
        assertThat(rule(FaultEffect.ACCESS_DENIED, null, "  ").parameter()).as("blank is absent").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"E", "EB0001", "MPA-ERR-42", "ABCDEFGHIJ0123456789"})
    void anErrorCodeIsOneToTwentyCapitalsDigitsOrDashes(String code) {
        assertThat(rule(FaultEffect.ERROR_CODE, FaultStep.RESULT, code).parameter()).contains(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eb0001", "EB 0001", "EB_0001", "ABCDEFGHIJ01234567890", "エラー"})
    void anyOtherErrorCodeIsRefused(String code) {
        assertInvalid(() -> rule(FaultEffect.ERROR_CODE, null, code), "parameter", "parameter-error-code");
    }

    @ParameterizedTest
    @EnumSource(value = FaultEffect.class, names = {"ERROR_CODE", "CALLBACK_LATE", "LATENCY"})
    void anEffectThatNeedsAParameterRefusesToGoWithout(FaultEffect effect) {
        assertInvalid(() -> rule(effect, null, null), "parameter", "parameter-required");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3600, 3600", "0030, 30"})
    void secondsAreAWholeNumberFromOneToAnHourKeptWithoutLeadingZeros(String given, String kept) {
        assertThat(rule(FaultEffect.CALLBACK_LATE, null, given).parameter()).contains(kept);
        assertThat(asRule(rule(FaultEffect.CALLBACK_LATE, null, given)).number(0)).isEqualTo(Integer.parseInt(kept));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "3601", "-1", "+5", "1.5", "ten", "99999999999"})
    void otherSecondsAreRefused(String given) {
        assertInvalid(() -> rule(FaultEffect.CALLBACK_LATE, null, given), "parameter", "parameter-seconds");
        assertInvalid(() -> rule(FaultEffect.UNAVAILABLE, null, given), "parameter", "parameter-seconds");
    }

    @Test
    void optionalSecondsMayBeLeftOutAndThenTheEffectsDefaultApplies() {
        FaultDefinition unavailable = rule(FaultEffect.UNAVAILABLE, FaultStep.DATA, null);
        assertThat(unavailable.parameter()).isEmpty();
        assertThat(asRule(unavailable).number(30)).isEqualTo(30);
        assertThat(rule(FaultEffect.TOO_MANY_REQUESTS, null, "5").parameter()).contains("5");
    }

    @ParameterizedTest
    @CsvSource({"LATENCY, 1", "LATENCY, 30000"})
    void millisecondsGoFromOneToThirtySeconds(FaultEffect effect, String given) {
        assertThat(rule(effect, FaultStep.TOKEN, given).parameter()).contains(given);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "30001", "fast"})
    void otherMillisecondsAreRefused(String given) {
        assertInvalid(() -> rule(FaultEffect.LATENCY, null, given), "parameter", "parameter-milliseconds");
    }

    @Test
    void theTimeBoxEndsAfterItStarts() {
        assertThat(new FaultDefinition(null, null, FaultEffect.ACCESS_DENIED, null, Optional.of(FROM),
                Optional.of(FROM.plusSeconds(1))).activeUntil()).contains(FROM.plusSeconds(1));
        assertInvalid(() -> new FaultDefinition(null, null, FaultEffect.ACCESS_DENIED, null, Optional.of(FROM),
                Optional.of(FROM)), "activeUntil", "active-until-not-after-from");
        assertInvalid(() -> new FaultDefinition(null, null, FaultEffect.ACCESS_DENIED, null, Optional.of(FROM),
                Optional.of(FROM.minusSeconds(60))), "activeUntil", "active-until-not-after-from");
        assertThatCode(() -> new FaultDefinition(null, null, FaultEffect.ACCESS_DENIED, null, Optional.empty(),
                Optional.of(FROM))).as("an open start").doesNotThrowAnyException();
    }

    @Test
    void theApiOfARuleIsOneTheServiceIsRegisteredFor() {
        FaultDefinition medical = new FaultDefinition(Optional.of(MynaApi.MEDICAL_INSURANCE), null,
                FaultEffect.SERVER_ERROR, null, null, null);

        assertThatCode(() -> medical.checkApi(aClientId("AA0001"), Set.of(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO)))
                .doesNotThrowAnyException();
        assertThat(assertInvalid(() -> medical.checkApi(aClientId("AA0002"), Set.of(MynaApi.SELF_INFO)), "api",
                "api-not-registered").getMessage()).contains("medical-insurance", "self-info");
        assertThatCode(() -> rule(FaultEffect.SERVER_ERROR, null, null).checkApi(aClientId("AA0002"), Set.of(MynaApi.SELF_INFO)))
                .as("no API: every API of the service").doesNotThrowAnyException();
    }

    /** The rule as the steps that apply it see it: the parameter's canonical form is what they parse. */
    private static FaultRule asRule(FaultDefinition definition) {
        return new FaultRule("r-1", Environment.TEST, aClientId("AA0001"), definition.api(), definition.step(),
                definition.effect(), definition.parameter(), definition.activeFrom(), definition.activeUntil());
    }

    private static FaultDefinition rule(FaultEffect effect, FaultStep step, String parameter) {
        return new FaultDefinition(Optional.empty(), Optional.ofNullable(step), effect, Optional.ofNullable(parameter),
                Optional.empty(), Optional.empty());
    }
}
