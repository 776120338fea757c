package dev.mynasim.registry.application;

import static dev.mynasim.registry.RegistryFixtures.AN_API_USER;
import static dev.mynasim.registry.RegistryFixtures.NOW;
import static dev.mynasim.registry.RegistryFixtures.OPERATOR;
import static dev.mynasim.registry.RegistryFixtures.anApplicationAt;
import static dev.mynasim.registry.RegistryFixtures.anApplicationWithProductionGrouping;
import static dev.mynasim.registry.RuleViolations.assertConflict;
import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.RuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class UsageApplicationTest {

    private static final String API_USER_ACCOUNT = "dev@rp.example.jp";

    private static Step step(String code) {
        return Step.parse(code);
    }

    // --- walking the steps ---

    @Test
    void newApplicationStartsAtA1AndRecordsTheStart() {
        UsageApplication application = new UsageApplication(AN_API_USER, API_USER_ACCOUNT, NOW);

        assertThat(application.apiUser()).isEqualTo(AN_API_USER);
        assertThat(application.step()).isEqualTo(Step.FIRST);
        assertThat(application.skipFeatureDeclared()).isFalse();
        assertThat(application.productionGroupingDeclared()).isFalse();
        assertThat(application.transitions()).singleElement().satisfies(t -> {
            assertThat(t.action()).isEqualTo("start");
            assertThat(t.step()).isEqualTo(Step.FIRST);
            assertThat(t.actor()).isEqualTo(API_USER_ACCOUNT);
            assertThat(t.at()).isEqualTo(NOW);
        });
    }

    @Test
    void stepsAdvanceOneByOneFromA1ToLaunchAndEachIsRecorded() {
        UsageApplication application = new UsageApplication(AN_API_USER, API_USER_ACCOUNT, NOW);

        IntStream.rangeClosed(2, 22).forEach(n ->
                application.advance(new Step(n), OPERATOR, "note " + n, NOW.plus(Duration.ofDays(n))));

        assertThat(application.step()).isEqualTo(Step.LAUNCHED);
        assertThat(application.transitions()).hasSize(22);
        Transition launch = application.transitions().get(21);
        assertThat(launch.action()).isEqualTo("advance");
        assertThat(launch.step()).isEqualTo(Step.LAUNCHED);
        assertThat(launch.actor()).isEqualTo(OPERATOR);
        assertThat(launch.at()).isEqualTo(NOW.plus(Duration.ofDays(22)));
        assertThat(launch.note()).isEqualTo("note 22");
        assertThat(application.transitions()).extracting(Transition::step)
                .isSortedAccordingTo(Step::compareTo).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @CsvSource({
            "A-1,  A-3",   // skipping a step
            "A-1,  A-21",
            "A-5,  A-5",   // standing still
            "A-5,  A-4",   // going back
            "A-9,  A-1",
            "A-15, A-17"
    })
    void stepsAdvanceStrictlyOneByOne(String from, String to) {
        UsageApplication application = anApplicationAt(step(from));
        int recorded = application.transitions().size();

        var violation = assertConflict(() -> application.advance(step(to), OPERATOR, null, NOW),
                "step", "step-order");

        assertThat(violation.messageJa()).contains(from, step(from).next().code());
        assertThat(application.step()).isEqualTo(step(from));
        assertThat(application.transitions()).hasSize(recorded);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-16", "A-20"})
    void launchComesOnlyAfterThePreLaunchCheck(String from) {
        UsageApplication application = anApplicationAt(step(from));

        assertConflict(() -> application.advance(Step.LAUNCHED, OPERATOR, null, NOW), "step", "step-order");

        assertThat(application.step()).isEqualTo(step(from));
    }

    @Test
    void launchFollowsThePreLaunchCheck() {
        UsageApplication application = anApplicationAt(Step.PRE_LAUNCH_CHECK);

        application.advance(Step.LAUNCHED, OPERATOR, null, NOW);

        assertThat(application.step()).isEqualTo(Step.LAUNCHED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-21", "LAUNCHED"})
    void nothingComesAfterLaunch(String target) {
        UsageApplication application = anApplicationAt(Step.LAUNCHED);
        int recorded = application.transitions().size();

        assertConflict(() -> application.advance(step(target), OPERATOR, null, NOW), "step", "application-launched");

        assertThat(application.step()).isEqualTo(Step.LAUNCHED);
        assertThat(application.transitions()).hasSize(recorded);
    }

    @Test
    void noteOfFiveHundredCharactersIsRecorded() {
        UsageApplication application = anApplicationAt(Step.FIRST);
        String note = "備".repeat(500);

        application.advance(step("A-2"), OPERATOR, note, NOW);

        assertThat(application.transitions()).last().extracting(Transition::note).isEqualTo(note);
    }

    @Test
    void noteLongerThanFiveHundredCharactersIsRefused() {
        UsageApplication application = anApplicationAt(Step.FIRST);

        assertInvalid(() -> application.advance(step("A-2"), OPERATOR, "備".repeat(501), NOW), "note", "note-length");
    }

    // --- the skip feature declaration (guideline 4.1.2 (1)) ---

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-5", "A-6", "A-9"})
    void skipFeatureIsDeclaredBeforeTheConnectionTest(String at) {
        UsageApplication application = anApplicationAt(step(at));
        Instant when = NOW.plus(Duration.ofDays(3));

        application.declareSkipFeature(API_USER_ACCOUNT, "医療保険情報と自己情報を併用", when);

        assertThat(application.skipFeatureDeclared()).isTrue();
        assertThat(application.step()).as("a declaration does not move the step").isEqualTo(step(at));
        assertThat(application.transitions()).last().satisfies(t -> {
            assertThat(t.action()).isEqualTo("declare-skip-feature");
            assertThat(t.step()).isEqualTo(step(at));
            assertThat(t.actor()).isEqualTo(API_USER_ACCOUNT);
            assertThat(t.at()).isEqualTo(when);
            assertThat(t.note()).isEqualTo("医療保険情報と自己情報を併用");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-10", "A-11", "A-15", "A-16", "A-21", "LAUNCHED"})
    void skipFeatureDeclaredFromTheConnectionTestOnIsTooLate(String at) {
        UsageApplication application = anApplicationAt(step(at));
        int recorded = application.transitions().size();

        var violation = assertConflict(() -> application.declareSkipFeature(OPERATOR, null, NOW),
                "declaration", "skip-declaration-too-late");

        assertThat(violation.messageJa()).contains(at);
        assertThat(application.skipFeatureDeclared()).isFalse();
        assertThat(application.transitions()).hasSize(recorded);
    }

    @Test
    void skipFeatureIsDeclaredOnlyOnce() {
        UsageApplication application = anApplicationAt(step("A-6"), true);

        assertConflict(() -> application.declareSkipFeature(OPERATOR, null, NOW), "declaration", "already-declared");

        assertThat(application.transitions()).filteredOn(t -> t.action().equals("declare-skip-feature")).hasSize(1);
    }

    // --- the production grouping declaration (guideline 4.1.2 (3)) ---

    @ParameterizedTest
    @ValueSource(strings = {"A-16", "A-18", "A-21"})
    void productionGroupingIsDeclaredWithTheProductionApplication(String at) {
        UsageApplication application = anApplicationAt(step(at), true);

        application.declareProductionGrouping(API_USER_ACCOUNT, null, NOW.plusSeconds(1));

        assertThat(application.productionGroupingDeclared()).isTrue();
        assertThat(application.transitions()).last().satisfies(t -> {
            assertThat(t.action()).isEqualTo("declare-production-grouping");
            assertThat(t.step()).isEqualTo(step(at));
            assertThat(t.actor()).isEqualTo(API_USER_ACCOUNT);
            assertThat(t.at()).isEqualTo(NOW.plusSeconds(1));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-9", "A-10", "A-15", "LAUNCHED"})
    void productionGroupingOutsideA16ToA21IsRefused(String at) {
        UsageApplication application = anApplicationAt(step(at), true);

        assertConflict(() -> application.declareProductionGrouping(OPERATOR, null, NOW),
                "declaration", "grouping-declaration-phase");

        assertThat(application.productionGroupingDeclared()).isFalse();
    }

    @Test
    void productionGroupingNeedsTheSkipFeatureDeclared() {
        UsageApplication application = anApplicationAt(Step.PRODUCTION_APPLICATION, false);

        assertConflict(() -> application.declareProductionGrouping(OPERATOR, null, NOW),
                "declaration", "grouping-needs-skip-feature");

        assertThat(application.productionGroupingDeclared()).isFalse();
    }

    @Test
    void productionGroupingIsDeclaredOnlyOnce() {
        UsageApplication application = anApplicationWithProductionGrouping();

        assertConflict(() -> application.declareProductionGrouping(OPERATOR, null, NOW),
                "declaration", "already-declared");
    }

    // --- the gates: whyUnusable ---

    @ParameterizedTest
    @EnumSource(Environment.class)
    void registrationOfAnApiUserWithoutApplicationIsUnusable(Environment environment) {
        Optional<RuleViolation> why = UsageApplication.whyUnusable(Optional.empty(), environment, false);

        assertViolation(why, "environment", "application-required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-9", "A-10"})
    void testRegistrationIsUnusableBeforeTheConnectionTestIsApproved(String at) {
        Optional<RuleViolation> why = UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at))),
                Environment.TEST, false);

        assertViolation(why, "environment", "connection-test-not-approved");
        assertThat(why.orElseThrow().messageJa()).contains("A-11", at);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-11", "A-15", "A-16", "A-21", "LAUNCHED"})
    void testRegistrationIsUsableFromA11On(String at) {
        assertThat(UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at))), Environment.TEST, false))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-11", "A-15"})
    void productionRegistrationIsUnusableBeforeTheProductionApplication(String at) {
        Optional<RuleViolation> why = UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at))),
                Environment.PRODUCTION, false);

        assertViolation(why, "environment", "production-application-required");
        assertThat(why.orElseThrow().messageJa()).contains("A-16");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-16", "A-21", "LAUNCHED"})
    void productionRegistrationIsUsableFromA16On(String at) {
        assertThat(UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at))), Environment.PRODUCTION,
                false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"A-11, TEST", "A-16, PRODUCTION", "LAUNCHED, PRODUCTION"})
    void serviceWithSkipFeatureIsUnusableWithoutTheDeclaration(String at, Environment environment) {
        Optional<RuleViolation> why = UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at), false)),
                environment, true);

        assertViolation(why, "skipFeature", "skip-feature-not-declared");
    }

    @ParameterizedTest
    @CsvSource({"A-11, TEST", "A-16, PRODUCTION", "LAUNCHED, TEST"})
    void serviceWithDeclaredSkipFeatureIsUsableWhenTheStepAllows(String at, Environment environment) {
        assertThat(UsageApplication.whyUnusable(Optional.of(anApplicationAt(step(at), true)), environment, true))
                .isEmpty();
    }

    @Test
    void tooEarlyAStepIsReportedBeforeAMissingDeclaration() {
        Optional<RuleViolation> why = UsageApplication.whyUnusable(Optional.of(anApplicationAt(step("A-10"))),
                Environment.TEST, true);

        assertViolation(why, "environment", "connection-test-not-approved");
    }

    // --- the gates: production registrations and groups ---

    @Test
    void productionRegistrationNeedsAnApplication() {
        assertConflict(() -> UsageApplication.checkProductionRegistration(Optional.empty()),
                "environment", "production-application-required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-1", "A-11", "A-15"})
    void productionRegistrationBeforeA16IsRefused(String at) {
        assertConflict(() -> UsageApplication.checkProductionRegistration(Optional.of(anApplicationAt(step(at)))),
                "environment", "production-application-required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"A-16", "A-21", "LAUNCHED"})
    void productionRegistrationFromA16OnIsAllowed(String at) {
        assertThatNoException().isThrownBy(() ->
                UsageApplication.checkProductionRegistration(Optional.of(anApplicationAt(step(at)))));
    }

    @Test
    void productionGroupNeedsAnApplication() {
        assertConflict(() -> UsageApplication.checkProductionGroup(Optional.empty()),
                "environment", "production-grouping-not-declared");
    }

    @Test
    void productionGroupNeedsTheGroupingDeclaredAgainForProduction() {
        // skip feature declared and in production, but the grouping was not applied for again
        UsageApplication application = anApplicationAt(Step.PRODUCTION_APPLICATION, true);

        assertConflict(() -> UsageApplication.checkProductionGroup(Optional.of(application)),
                "environment", "production-grouping-not-declared");
    }

    @Test
    void productionGroupIsAllowedOnceTheGroupingIsDeclared() {
        assertThatNoException().isThrownBy(() ->
                UsageApplication.checkProductionGroup(Optional.of(anApplicationWithProductionGrouping())));
    }

    @Test
    void productionGroupingStaysDeclaredAfterLaunch() {
        UsageApplication application = anApplicationWithProductionGrouping();
        while (!application.step().equals(Step.LAUNCHED)) {
            application.advance(application.step().next(), OPERATOR, null, NOW);
        }

        assertThatNoException().isThrownBy(() -> UsageApplication.checkProductionGroup(Optional.of(application)));
    }

    private static void assertViolation(Optional<RuleViolation> why, String field, String rule) {
        assertThat(why).isPresent();
        assertConflict(() -> {
            throw why.get();
        }, field, rule);
    }

    @Test
    void aRefusedNoteLeavesTheApplicationAsItWas() {
        UsageApplication application = anApplicationAt(new Step(9));
        String tooLong = "x".repeat(UsageApplication.MAX_NOTE + 1);

        assertInvalid(() -> application.advance(new Step(10), OPERATOR, tooLong, NOW), "note", "note-length");
        assertInvalid(() -> application.declareSkipFeature(OPERATOR, tooLong, NOW), "note", "note-length");

        assertThat(application.step()).isEqualTo(new Step(9));
        assertThat(application.skipFeatureDeclared()).isFalse();
        assertThat(application.transitions()).hasSize(9);
    }
}
