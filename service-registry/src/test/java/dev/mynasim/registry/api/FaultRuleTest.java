package dev.mynasim.registry.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a rule strikes: its effect's steps, its own step and API, and its time box {@code [from, until)}. */
class FaultRuleTest {

    private static final Instant NOW = Instant.parse("2026-04-01T09:00:00Z");
    private static final ClientId CLIENT = ClientId.parse("SP00000001_AA0001");
    private static final Optional<MynaApi> MEDICAL = Optional.of(MynaApi.MEDICAL_INSURANCE);
    private static final Optional<MynaApi> SELF_INFO = Optional.of(MynaApi.SELF_INFO);

    @Test
    void aRuleStrikesOnlyAtTheStepsOfItsEffect() {
        FaultRule denied = rule(FaultEffect.ACCESS_DENIED, Optional.empty(), Optional.empty());

        assertThat(denied.strikes(Optional.empty(), FaultStep.AUTHORIZE, NOW)).isTrue();
        assertThat(denied.strikes(Optional.empty(), FaultStep.TOKEN, NOW)).isFalse();
        assertThat(denied.strikes(MEDICAL, FaultStep.DATA, NOW)).isFalse();
    }

    @Test
    void aRuleNarrowedToOneStepStrikesThereOnly() {
        FaultRule resultOnly = rule(FaultEffect.SERVER_ERROR, Optional.empty(), Optional.of(FaultStep.RESULT));
        FaultRule everyDataStep = rule(FaultEffect.SERVER_ERROR, Optional.empty(), Optional.empty());

        assertThat(resultOnly.strikes(MEDICAL, FaultStep.RESULT, NOW)).isTrue();
        assertThat(resultOnly.strikes(MEDICAL, FaultStep.REQUEST, NOW)).isFalse();
        assertThat(everyDataStep.strikes(MEDICAL, FaultStep.REQUEST, NOW)).isTrue();
        assertThat(everyDataStep.strikes(MEDICAL, FaultStep.DATA, NOW)).isTrue();
    }

    @Test
    void aRuleNarrowedToOneApiSparesTheOthersButNotTheAuthorizationSteps() {
        FaultRule medicalOnly = rule(FaultEffect.LATENCY, MEDICAL, Optional.empty());

        assertThat(medicalOnly.strikes(MEDICAL, FaultStep.DATA, NOW)).isTrue();
        assertThat(medicalOnly.strikes(SELF_INFO, FaultStep.DATA, NOW)).isFalse();
        assertThat(medicalOnly.strikes(Optional.empty(), FaultStep.TOKEN, NOW))
                .as("the token step concerns no single API").isTrue();
        assertThat(rule(FaultEffect.LATENCY, Optional.empty(), Optional.empty()).strikes(SELF_INFO, FaultStep.DATA, NOW))
                .as("no API: every API").isTrue();
    }

    @Test
    void theTimeBoxIncludesItsStartAndExcludesItsEnd() {
        FaultRule boxed = new FaultRule("r-1", Environment.TEST, CLIENT, Optional.empty(), Optional.empty(),
                FaultEffect.TOKEN_UNAUTHORIZED, Optional.empty(), Optional.of(NOW), Optional.of(NOW.plusSeconds(60)));

        assertThat(boxed.strikes(Optional.empty(), FaultStep.TOKEN, NOW.minusMillis(1))).isFalse();
        assertThat(boxed.strikes(Optional.empty(), FaultStep.TOKEN, NOW)).isTrue();
        assertThat(boxed.strikes(Optional.empty(), FaultStep.TOKEN, NOW.plusSeconds(59))).isTrue();
        assertThat(boxed.strikes(Optional.empty(), FaultStep.TOKEN, NOW.plusSeconds(60))).isFalse();
    }

    @Test
    void anOpenSideOfTheTimeBoxReachesAsFarAsItGoes() {
        FaultRule fromNow = new FaultRule("r-2", Environment.TEST, CLIENT, Optional.empty(), Optional.empty(),
                FaultEffect.CARD_LOCKED, Optional.empty(), Optional.of(NOW), Optional.empty());
        FaultRule untilNow = new FaultRule("r-3", Environment.TEST, CLIENT, Optional.empty(), Optional.empty(),
                FaultEffect.CARD_LOCKED, Optional.empty(), Optional.empty(), Optional.of(NOW));

        assertThat(fromNow.strikes(Optional.empty(), FaultStep.CARD, NOW.plusSeconds(365L * 24 * 3600))).isTrue();
        assertThat(untilNow.strikes(Optional.empty(), FaultStep.CARD, NOW.minusSeconds(365L * 24 * 3600))).isTrue();
        assertThat(untilNow.strikes(Optional.empty(), FaultStep.CARD, NOW)).isFalse();
    }

    @Test
    void theParameterReadsAsAWholeNumberOrTheFallback() {
        FaultRule late = new FaultRule("r-4", Environment.TEST, CLIENT, Optional.empty(), Optional.empty(),
                FaultEffect.UNAVAILABLE, Optional.of("120"), Optional.empty(), Optional.empty());

        assertThat(late.number(30)).isEqualTo(120);
        assertThat(rule(FaultEffect.UNAVAILABLE, Optional.empty(), Optional.empty()).number(30)).isEqualTo(30);
    }

    @Test
    void effectsAndStepsAreNamedOnTheWireInLowerCaseWithDashes() {
        assertThat(FaultEffect.fromCode("error-code")).isEqualTo(FaultEffect.ERROR_CODE);
        assertThat(FaultEffect.CERTIFICATE_EXPIRED.code()).isEqualTo("certificate-expired");
        assertThat(FaultStep.fromCode("result")).isEqualTo(FaultStep.RESULT);
        dev.mynasim.registry.RuleViolations.assertInvalid(() -> FaultEffect.fromCode("explode"), "effect", "effect-unknown");
        dev.mynasim.registry.RuleViolations.assertInvalid(() -> FaultStep.fromCode("Result"), "step", "step-unknown");
    }

    private static FaultRule rule(FaultEffect effect, Optional<MynaApi> api, Optional<FaultStep> step) {
        return new FaultRule("r-1", Environment.TEST, CLIENT, api, step, effect, Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
