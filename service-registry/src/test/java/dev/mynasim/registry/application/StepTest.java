package dev.mynasim.registry.application;

import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StepTest {

    static IntStream aSteps() {
        return IntStream.rangeClosed(1, 21);
    }

    static Stream<Step> everyStep() {
        return IntStream.rangeClosed(1, 22).mapToObj(Step::new);
    }

    @ParameterizedTest
    @MethodSource("aSteps")
    void everyStepFromA1ToA21IsReadByItsCode(int number) {
        Step step = Step.parse("A-" + number);

        assertThat(step.number()).isEqualTo(number);
        assertThat(step.code()).isEqualTo("A-" + number);
    }

    @Test
    void launchedIsReadAfterA21() {
        assertThat(Step.parse("LAUNCHED")).isEqualTo(Step.LAUNCHED);
        assertThat(Step.LAUNCHED.code()).isEqualTo("LAUNCHED");
        assertThat(Step.parse("A-21").next()).isEqualTo(Step.LAUNCHED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"A-0", "A-22", "A-01", "A-100", "a-1", "A1", "A-", "A--1", "A-1.5", "B-1", " A-1",
            "A-1 ", "A－1", "A-１", "launched", "Launched", "LAUNCHED ", "22"})
    void malformedStepCodeIsRefused(String code) {
        assertInvalid(() -> Step.parse(code), "step", "step-format");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 23})
    void stepOutsideTheProcedureDoesNotExist(int number) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Step(number));
    }

    @Test
    void thereIsNoStepAfterLaunch() {
        assertThatIllegalArgumentException().isThrownBy(Step.LAUNCHED::next);
    }

    @Test
    void firstStepLabelComesFromTheDataFile() {
        assertThat(Step.FIRST.label()).isNotBlank().isNotEqualTo("A-1").contains("ガイドライン");
    }

    @ParameterizedTest
    @MethodSource("everyStep")
    void everyStepHasAJapaneseLabelOfItsOwn(Step step) {
        assertThat(step.label()).isNotBlank().isNotEqualTo(step.code())
                .matches(".*[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}].*");
    }

    @Test
    void labelsOfTheSpecialStepsSayWhatTheyAre() {
        assertThat(Step.CONNECTION_TEST_APPLICATION.label()).contains("接続確認環境の利用申請");
        assertThat(Step.PRODUCTION_APPLICATION.label()).contains("本番動作確認の利用申請");
        assertThat(Step.LAUNCHED.label()).contains("サービス提供開始");
    }

    @ParameterizedTest
    @CsvSource({
            "1,  EXAMINATION",
            "5,  EXAMINATION",
            "6,  DEVELOPMENT",
            "9,  DEVELOPMENT",
            "10, CONNECTION_TEST",
            "15, CONNECTION_TEST",
            "16, PRODUCTION_CHECK",
            "21, PRODUCTION_CHECK",
            "22, LAUNCHED"
    })
    void stepsBelongToTheGuidelinesPhases(int number, Phase phase) {
        assertThat(new Step(number).phase()).isEqualTo(phase);
    }

    @ParameterizedTest
    @EnumSource(Phase.class)
    void everyPhaseHasAJapaneseLabel(Phase phase) {
        assertThat(phase.labelJa()).isNotBlank().matches(".*\\p{IsHan}.*");
    }

    @Test
    void theNamedStepsAreWhereTheGuidelinePutsThem() {
        assertThat(Step.FIRST.code()).isEqualTo("A-1");
        assertThat(Step.CONNECTION_TEST_APPLICATION.code()).isEqualTo("A-10");
        assertThat(Step.CONNECTION_TEST_APPROVED.code()).isEqualTo("A-11");
        assertThat(Step.PRODUCTION_APPLICATION.code()).isEqualTo("A-16");
        assertThat(Step.PRE_LAUNCH_CHECK.code()).isEqualTo("A-21");
    }

    @Test
    void stepsAreOrderedByNumberNotByCode() {
        Step a2 = Step.parse("A-2");
        Step a10 = Step.parse("A-10");

        assertThat(a2.isBefore(a10)).isTrue();
        assertThat(a10.isBefore(a2)).isFalse();
        assertThat(a2.isBefore(a2)).isFalse();
        assertThat(a2).isLessThan(a10);
        assertThat(Step.PRE_LAUNCH_CHECK).isLessThan(Step.LAUNCHED);
    }
}
