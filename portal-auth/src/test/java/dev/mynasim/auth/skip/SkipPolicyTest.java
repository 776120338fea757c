package dev.mynasim.auth.skip;

import static dev.mynasim.auth.skip.SkipFixtures.ANOTHER_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.ANOTHER_UNGROUPED_SERVICE;
import static dev.mynasim.auth.skip.SkipFixtures.A_SERVICE_OF_ANOTHER_API_USER;
import static dev.mynasim.auth.skip.SkipFixtures.AN_UNGROUPED_SERVICE;
import static dev.mynasim.auth.skip.SkipFixtures.FIRST_SERVICE_OF_THE_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.NOW;
import static dev.mynasim.auth.skip.SkipFixtures.SECOND_SERVICE_OF_THE_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.SESSION_AGE;
import static dev.mynasim.auth.skip.SkipFixtures.THE_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.THE_WINDOW;
import static dev.mynasim.auth.skip.SkipFixtures.aGroupedServiceRequest;
import static dev.mynasim.auth.skip.SkipFixtures.aPolicyWithTheWindow;
import static dev.mynasim.auth.skip.SkipFixtures.aRequestFrom;
import static dev.mynasim.auth.skip.SkipFixtures.aSessionFrom;
import static dev.mynasim.auth.skip.SkipFixtures.aSessionFromTheFirstServiceOfTheGroup;
import static dev.mynasim.auth.skip.SkipFixtures.aSessionFromTheUngroupedService;
import static dev.mynasim.auth.skip.SkipFixtures.anUngroupedServiceRequest;
import static dev.mynasim.auth.skip.SkipFixtures.readAt;
import static dev.mynasim.auth.skip.SkipFixtures.withMaxAge;
import static dev.mynasim.auth.skip.SkipFixtures.withPromptLogin;
import static dev.mynasim.auth.skip.SkipFixtures.withoutSkipFeature;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.mynasim.auth.skip.SkipDecision.Reason;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md section 4 "The skip rule" and 9.1, guideline 2.1 and 2.2. */
class SkipPolicyTest {

    /**
     * The conditions of DESIGN.md section 4 in the order the rule checks them, each with the reason it gives when it
     * is the first to fail. Condition 6 is two conditions here, prompt=login and max_age, so both vary on their own.
     */
    enum Condition {
        SKIP_FEATURE_APPROVED(Reason.NO_SKIP_FEATURE),
        SESSION_PRESENT(Reason.NO_SESSION),
        WITHIN_WINDOW(Reason.SESSION_EXPIRED),
        SAME_ENVIRONMENT(Reason.OTHER_ENVIRONMENT),
        SAME_DOMAIN(Reason.OTHER_DOMAIN),
        CARD_USABLE(Reason.CARD_UNUSABLE),
        NO_PROMPT_LOGIN(Reason.FRESH_VERIFICATION_REQUESTED),
        WITHIN_MAX_AGE(Reason.FRESH_VERIFICATION_REQUESTED);

        final Reason whenFailing;

        Condition(Reason whenFailing) {
            this.whenFailing = whenFailing;
        }
    }

    /**
     * Case 2 with the given conditions failing: the second service of the group asks, the browser carries a session
     * of the first. Each failing condition changes one thing. A session of another environment also belongs to that
     * environment's domain; the rule checks the environment first, so that does not change the expected reason.
     */
    record Scenario(SkipRequest request, Optional<VerifiedCard> session, CardState card) {

        static Scenario failing(Set<Condition> failing) {
            SkipRequest request = new SkipRequest(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP),
                    !failing.contains(Condition.SKIP_FEATURE_APPROVED),
                    failing.contains(Condition.NO_PROMPT_LOGIN),
                    failing.contains(Condition.WITHIN_MAX_AGE) ? Optional.of(Duration.ofMinutes(1)) : Optional.empty());
            Environment sessionEnvironment = failing.contains(Condition.SAME_ENVIRONMENT)
                    ? Environment.PRODUCTION : Environment.TEST;
            ClientId sessionService = failing.contains(Condition.SAME_DOMAIN)
                    ? A_SERVICE_OF_ANOTHER_API_USER : FIRST_SERVICE_OF_THE_GROUP;
            Instant cardRead = failing.contains(Condition.WITHIN_WINDOW)
                    ? NOW.minus(THE_WINDOW) : NOW.minus(SESSION_AGE);
            Optional<VerifiedCard> session = failing.contains(Condition.SESSION_PRESENT)
                    ? Optional.empty()
                    : Optional.of(readAt(aSessionFrom(sessionEnvironment, sessionService, Optional.of(THE_GROUP)),
                            cardRead));
            CardState card = failing.contains(Condition.CARD_USABLE) ? CardState.LOCKED : CardState.USABLE;
            return new Scenario(request, session, card);
        }

        SkipDecision decidedBy(SkipPolicy policy) {
            return policy.decide(request, session, card, NOW);
        }
    }

    private static SkipDecision decide(SkipRequest request, VerifiedCard session) {
        return aPolicyWithTheWindow().decide(request, Optional.of(session), CardState.USABLE, NOW);
    }

    // --- the conditions, alone and in every combination ---

    @Test
    void skipsWhenAllConditionsHold() {
        SkipDecision decision = Scenario.failing(EnumSet.noneOf(Condition.class)).decidedBy(aPolicyWithTheWindow());

        assertThat(decision.skip()).isTrue();
        assertThat(decision.reason()).isEqualTo(Reason.SKIPPED);
    }

    @ParameterizedTest(name = "only {0} fails")
    @EnumSource(Condition.class)
    void eachConditionFailingAloneForcesACardReadAndIsTheReason(Condition condition) {
        SkipDecision decision = Scenario.failing(EnumSet.of(condition)).decidedBy(aPolicyWithTheWindow());

        assertThat(decision.skip()).isFalse();
        assertThat(decision.reason()).isEqualTo(condition.whenFailing);
    }

    static Stream<Named<Set<Condition>>> everyCombinationOfTheConditions() {
        Condition[] conditions = Condition.values();
        return IntStream.range(0, 1 << conditions.length).mapToObj(bits -> {
            Set<Condition> failing = EnumSet.noneOf(Condition.class);
            for (int i = 0; i < conditions.length; i++) {
                if ((bits & (1 << i)) != 0) {
                    failing.add(conditions[i]);
                }
            }
            return Named.of(failing.isEmpty() ? "all hold" : "failing " + failing, failing);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCombinationOfTheConditions")
    void skipsOnlyWhenAllHoldAndOtherwiseGivesTheFirstFailingConditionAsReason(Set<Condition> failing) {
        Reason firstFailing = Arrays.stream(Condition.values())
                .filter(failing::contains)
                .findFirst()
                .map(c -> c.whenFailing)
                .orElse(Reason.SKIPPED);

        SkipDecision decision = Scenario.failing(failing).decidedBy(aPolicyWithTheWindow());

        assertThat(decision.reason()).isEqualTo(firstFailing);
        assertThat(decision.skip()).isEqualTo(failing.isEmpty());
    }

    // --- the guideline's scenarios ---

    @Test
    void case2SecondServiceOfTheGroupSkipsAfterTheFirstReadTheCard() {
        // guideline 2.2 ⑤: AA0001 read the card, AA0002 of group G0001 of SP00000001 in TEST goes straight to consent
        SkipDecision decision = decide(aGroupedServiceRequest(), aSessionFromTheFirstServiceOfTheGroup());

        assertThat(decision.skip()).isTrue();
        assertThat(decision.reason()).isEqualTo(Reason.SKIPPED);
    }

    @Test
    void case1UngroupedServiceWithTheFeatureSkipsOnItsOwnRepeat() {
        SkipDecision decision = decide(anUngroupedServiceRequest(), aSessionFromTheUngroupedService());

        assertThat(decision.skip()).isTrue();
    }

    @Test
    void serviceWithoutTheFeatureReadsTheCardEvenRightAfterAVerification() {
        // DESIGN.md 4 "Normal": every authorization needs a card read, even if the browser verified a minute ago
        SkipDecision decision = decide(withoutSkipFeature(anUngroupedServiceRequest()),
                readAt(aSessionFromTheUngroupedService(), NOW.minusSeconds(60)));

        assertThat(decision.reason()).isEqualTo(Reason.NO_SKIP_FEATURE);
    }

    @Test
    void noSessionInTheBrowserMeansACardRead() {
        SkipDecision decision = aPolicyWithTheWindow()
                .decide(aGroupedServiceRequest(), Optional.empty(), CardState.USABLE, NOW);

        assertThat(decision.reason()).isEqualTo(Reason.NO_SESSION);
    }

    static Stream<Arguments> requestsOutsideTheSessionsDomain() {
        return Stream.of(
                arguments(Named.of("an ungrouped service after a grouped one of the same API user",
                                aRequestFrom(Environment.TEST, ANOTHER_UNGROUPED_SERVICE, Optional.empty())),
                        aSessionFromTheFirstServiceOfTheGroup()),
                arguments(Named.of("a grouped service after an ungrouped one of the same API user",
                                aGroupedServiceRequest()),
                        aSessionFromTheUngroupedService()),
                arguments(Named.of("a service of another group of the same API user",
                                aRequestFrom(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP,
                                        Optional.of(ANOTHER_GROUP))),
                        aSessionFromTheFirstServiceOfTheGroup()),
                arguments(Named.of("the same service once grouped, once not",
                                aRequestFrom(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.empty())),
                        aSessionFromTheFirstServiceOfTheGroup()),
                arguments(Named.of("another ungrouped service of the same API user",
                                aRequestFrom(Environment.TEST, ANOTHER_UNGROUPED_SERVICE, Optional.empty())),
                        aSessionFromTheUngroupedService()),
                arguments(Named.of("another API user's service in a group with the same group id",
                                aRequestFrom(Environment.TEST, A_SERVICE_OF_ANOTHER_API_USER,
                                        Optional.of(THE_GROUP))),
                        aSessionFromTheFirstServiceOfTheGroup()),
                arguments(Named.of("another API user's ungrouped service with the same service id",
                                aRequestFrom(Environment.TEST, ClientId.parse("SP00000002_AB0001"), Optional.empty())),
                        aSessionFromTheUngroupedService()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsOutsideTheSessionsDomain")
    void neverSkipsAcrossServicesGroupsOrApiUsers(SkipRequest request, VerifiedCard session) {
        SkipDecision decision = decide(request, session);

        assertThat(decision.skip()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.OTHER_DOMAIN);
    }

    @Test
    void productionRequestAfterATestVerificationReadsTheCard() {
        SkipRequest production = aRequestFrom(Environment.PRODUCTION, SECOND_SERVICE_OF_THE_GROUP,
                Optional.of(THE_GROUP));

        SkipDecision decision = decide(production, aSessionFromTheFirstServiceOfTheGroup());

        assertThat(decision.reason()).isEqualTo(Reason.OTHER_ENVIRONMENT);
    }

    @Test
    void testRequestAfterAProductionVerificationReadsTheCard() {
        VerifiedCard production = aSessionFrom(Environment.PRODUCTION, FIRST_SERVICE_OF_THE_GROUP,
                Optional.of(THE_GROUP));

        SkipDecision decision = decide(aGroupedServiceRequest(), production);

        assertThat(decision.reason()).isEqualTo(Reason.OTHER_ENVIRONMENT);
    }

    @Test
    void anExpiredSessionOfAnotherEnvironmentIsReportedAsExpired() {
        VerifiedCard oldProduction = readAt(aSessionFrom(Environment.PRODUCTION, FIRST_SERVICE_OF_THE_GROUP,
                Optional.of(THE_GROUP)), NOW.minus(THE_WINDOW).minusSeconds(1));

        SkipDecision decision = decide(aGroupedServiceRequest(), oldProduction);

        assertThat(decision.reason()).isEqualTo(Reason.SESSION_EXPIRED);
    }

    // --- the skip window ---

    @Test
    void exactlyAtTheEndOfTheWindowTheCardIsReadAgain() {
        VerifiedCard session = readAt(aSessionFromTheFirstServiceOfTheGroup(), NOW.minus(THE_WINDOW));

        assertThat(decide(aGroupedServiceRequest(), session).reason()).isEqualTo(Reason.SESSION_EXPIRED);
    }

    @Test
    void oneMillisecondBeforeTheEndOfTheWindowTheReadIsStillSkipped() {
        VerifiedCard session = readAt(aSessionFromTheFirstServiceOfTheGroup(), NOW.minus(THE_WINDOW).plusMillis(1));

        assertThat(decide(aGroupedServiceRequest(), session).skip()).isTrue();
    }

    @Test
    void longAfterTheWindowTheCardIsReadAgain() {
        VerifiedCard session = readAt(aSessionFromTheFirstServiceOfTheGroup(), NOW.minus(Duration.ofDays(1)));

        assertThat(decide(aGroupedServiceRequest(), session).reason()).isEqualTo(Reason.SESSION_EXPIRED);
    }

    @Test
    void theConfiguredWindowDecidesNotTheDefault() {
        Optional<VerifiedCard> threeMinutesOld = Optional.of(aSessionFromTheFirstServiceOfTheGroup());

        SkipDecision twoMinutes = new SkipPolicy(Duration.ofMinutes(2))
                .decide(aGroupedServiceRequest(), threeMinutesOld, CardState.USABLE, NOW);
        SkipDecision fourMinutes = new SkipPolicy(Duration.ofMinutes(4))
                .decide(aGroupedServiceRequest(), threeMinutesOld, CardState.USABLE, NOW);

        assertThat(twoMinutes.reason()).isEqualTo(Reason.SESSION_EXPIRED);
        assertThat(fourMinutes.skip()).isTrue();
    }

    // --- the card behind the session ---

    @ParameterizedTest
    @EnumSource(value = CardState.class, mode = EnumSource.Mode.EXCLUDE, names = "USABLE")
    void aCardNoLongerUsableIsReadAgain(CardState card) {
        SkipDecision decision = aPolicyWithTheWindow().decide(aGroupedServiceRequest(),
                Optional.of(aSessionFromTheFirstServiceOfTheGroup()), card, NOW);

        assertThat(decision.skip()).isFalse();
        assertThat(decision.reason()).isEqualTo(Reason.CARD_UNUSABLE);
    }

    // --- the service asks for a fresh verification (OpenID Connect Core 3.1.2.1) ---

    @Test
    void promptLoginForcesACardRead() {
        SkipDecision decision = decide(withPromptLogin(aGroupedServiceRequest()),
                aSessionFromTheFirstServiceOfTheGroup());

        assertThat(decision.reason()).isEqualTo(Reason.FRESH_VERIFICATION_REQUESTED);
    }

    @Test
    void promptLoginForcesACardReadEvenWithASatisfiedMaxAge() {
        SkipRequest request = withMaxAge(withPromptLogin(aGroupedServiceRequest()), THE_WINDOW);

        assertThat(decide(request, aSessionFromTheFirstServiceOfTheGroup()).reason())
                .isEqualTo(Reason.FRESH_VERIFICATION_REQUESTED);
    }

    @ParameterizedTest(name = "session 3 minutes old, max_age {0}: {1}")
    @CsvSource({
            "PT2M,                FRESH_VERIFICATION_REQUESTED",
            "PT2M59.999999999S,   FRESH_VERIFICATION_REQUESTED",
            "PT3M,                SKIPPED",
            "PT3M0.001S,          SKIPPED",
            "PT9M,                SKIPPED",
            "PT1H,                SKIPPED"
    })
    void maxAgeShorterThanTheSessionsAgeForcesACardRead(Duration maxAge, Reason expected) {
        SkipDecision decision = decide(withMaxAge(aGroupedServiceRequest(), maxAge),
                aSessionFromTheFirstServiceOfTheGroup());

        assertThat(SESSION_AGE).isEqualTo(Duration.ofMinutes(3));
        assertThat(decision.reason()).isEqualTo(expected);
    }

    @Test
    void maxAgeZeroForcesACardReadAfterAnyTimeAtAll() {
        VerifiedCard aMillisecondOld = readAt(aSessionFromTheFirstServiceOfTheGroup(), NOW.minusMillis(1));

        SkipDecision decision = decide(withMaxAge(aGroupedServiceRequest(), Duration.ZERO), aMillisecondOld);

        assertThat(decision.reason()).isEqualTo(Reason.FRESH_VERIFICATION_REQUESTED);
    }

    @Test
    void maxAgeZeroStillSkipsForACardReadAtThisVeryInstant() {
        VerifiedCard readNow = readAt(aSessionFromTheFirstServiceOfTheGroup(), NOW);

        SkipDecision decision = decide(withMaxAge(aGroupedServiceRequest(), Duration.ZERO), readNow);

        assertThat(decision.skip()).isTrue();
    }

    // --- the decision ---

    @ParameterizedTest
    @EnumSource(Reason.class)
    void onlySkippedMeansTheCardReadIsSkipped(Reason reason) {
        assertThat(new SkipDecision(reason).skip()).isEqualTo(reason == Reason.SKIPPED);
    }

    @Test
    void everyReasonIsExplainedInEnglishAndJapaneseInItsOwnWords() {
        assertThat(Reason.values()).allSatisfy(reason -> {
            assertThat(reason.description()).isNotBlank();
            assertThat(reason.descriptionJa()).isNotBlank();
        });
        assertThat(Arrays.stream(Reason.values()).map(Reason::description).collect(Collectors.toSet()))
                .hasSize(Reason.values().length);
        assertThat(Arrays.stream(Reason.values()).map(Reason::descriptionJa).collect(Collectors.toSet()))
                .hasSize(Reason.values().length);
        assertThat(Reason.SKIPPED.descriptionJa())
                .isEqualTo("本人確認済みのため、マイナンバーカードによる本人確認を省略しました");
    }

    @Test
    void aDecisionNeedsAReason() {
        assertThatThrownBy(() -> new SkipDecision(null)).isInstanceOf(NullPointerException.class);
    }

    // --- what the policy refuses to decide on ---

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1S", "-PT10M"})
    void theWindowMustBePositive(Duration window) {
        assertThatThrownBy(() -> new SkipPolicy(window)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theWindowIsRequired() {
        assertThatThrownBy(() -> new SkipPolicy(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aDecisionNeedsAllItsInputs() {
        SkipPolicy policy = aPolicyWithTheWindow();
        SkipRequest request = aGroupedServiceRequest();
        Optional<VerifiedCard> session = Optional.of(aSessionFromTheFirstServiceOfTheGroup());

        assertThatThrownBy(() -> policy.decide(null, session, CardState.USABLE, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("request");
        assertThatThrownBy(() -> policy.decide(request, null, CardState.USABLE, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("session");
        assertThatThrownBy(() -> policy.decide(request, session, null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("card");
        assertThatThrownBy(() -> policy.decide(request, session, CardState.USABLE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("now");
    }

    @Test
    void aRequestsDomainIsItsServicesDomain() {
        assertThat(aGroupedServiceRequest().domain())
                .isEqualTo(SkipDomain.of(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)));
        assertThat(anUngroupedServiceRequest().domain())
                .isEqualTo(SkipDomain.of(Environment.TEST, AN_UNGROUPED_SERVICE, Optional.empty()));
    }

    @Test
    void aRequestNeedsAllItsPartsAndANonNegativeMaxAge() {
        Optional<GroupId> group = Optional.of(THE_GROUP);
        ClientId client = SECOND_SERVICE_OF_THE_GROUP;

        assertThatThrownBy(() -> new SkipRequest(null, client, group, true, false, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("environment");
        assertThatThrownBy(() -> new SkipRequest(Environment.TEST, null, group, true, false, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("client");
        assertThatThrownBy(() -> new SkipRequest(Environment.TEST, client, null, true, false, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("group");
        assertThatThrownBy(() -> new SkipRequest(Environment.TEST, client, group, true, false, null))
                .isInstanceOf(NullPointerException.class).hasMessage("maxAge");
        assertThatThrownBy(() -> withMaxAge(aGroupedServiceRequest(), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aVerifiedCardNeedsAllItsParts() {
        VerifiedCard valid = aSessionFromTheFirstServiceOfTheGroup();

        assertThatThrownBy(() -> new VerifiedCard(null, valid.domain(), "CARD-0001", NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("environment");
        assertThatThrownBy(() -> new VerifiedCard(Environment.TEST, null, "CARD-0001", NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("domain");
        assertThatThrownBy(() -> new VerifiedCard(Environment.TEST, valid.domain(), null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("cardSerial");
        assertThatThrownBy(() -> new VerifiedCard(Environment.TEST, valid.domain(), "CARD-0001", null))
                .isInstanceOf(NullPointerException.class).hasMessage("authTime");
        assertThatThrownBy(() -> new VerifiedCard(Environment.TEST, valid.domain(), " ", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCardReadInOneEnvironmentCannotBelongToTheOthersDomain() {
        SkipDomain testDomain = aSessionFromTheFirstServiceOfTheGroup().domain();

        assertThatThrownBy(() -> new VerifiedCard(Environment.PRODUCTION, testDomain, "CARD-0001", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
