package dev.mynasim.registry.group;

import static dev.mynasim.registry.RegistryFixtures.ANOTHER_API_USER;
import static dev.mynasim.registry.RegistryFixtures.ANOTHER_GROUP;
import static dev.mynasim.registry.RegistryFixtures.AN_API_USER;
import static dev.mynasim.registry.RegistryFixtures.A_GROUP;
import static dev.mynasim.registry.RegistryFixtures.NOW;
import static dev.mynasim.registry.RegistryFixtures.aGroupOf;
import static dev.mynasim.registry.RegistryFixtures.aServiceWithSkip;
import static dev.mynasim.registry.RegistryFixtures.aServiceWithoutSkip;
import static dev.mynasim.registry.RuleViolations.assertConflict;
import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.service.WebService;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceGroupTest {

    private static ServiceGroup newGroup(Environment environment, GroupId groupId, List<WebService> members) {
        return new ServiceGroup(environment, AN_API_USER, groupId, "健康管理サービス群", members, NOW);
    }

    private static WebService testService(String serviceId) {
        return aServiceWithSkip(Environment.TEST, serviceId);
    }

    @Test
    void twoServicesWithSkipFeatureOfOneApiUserInOneEnvironmentFormAGroup() {
        WebService medications = testService("AA0001");
        WebService vaccinations = testService("AA0002");

        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(medications, vaccinations));

        assertThat(group.groupId()).isEqualTo(A_GROUP);
        assertThat(group.owner()).isEqualTo(AN_API_USER);
        assertThat(group.environment()).isEqualTo(Environment.TEST);
        assertThat(group.displayName()).isEqualTo("健康管理サービス群");
        assertThat(medications.group()).contains(A_GROUP);
        assertThat(vaccinations.group()).contains(A_GROUP);
    }

    @Test
    void groupOfProductionServicesIsFormedTheSameWay() {
        WebService first = aServiceWithSkip(Environment.PRODUCTION, "AA0001");
        WebService second = aServiceWithSkip(Environment.PRODUCTION, "AA0002");
        WebService third = aServiceWithSkip(Environment.PRODUCTION, "AA0003");

        newGroup(Environment.PRODUCTION, A_GROUP, List.of(first, second, third));

        assertThat(List.of(first, second, third)).allSatisfy(s -> assertThat(s.group()).contains(A_GROUP));
    }

    @Test
    void groupHoldsTwoOrMoreServices() {
        WebService alone = testService("AA0001");

        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(alone)), "members", "group-too-small");
        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of()), "members", "group-too-small");

        assertThat(alone.group()).isEmpty();
    }

    @Test
    void groupHoldsServicesOfOneApiUserOnly() {
        WebService own = testService("AA0001");
        WebService foreign = aServiceWithSkip(ANOTHER_API_USER, Environment.TEST, "AA0002");

        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(own, foreign)),
                "members", "group-mixed-api-users");

        assertThat(own.group()).isEmpty();
        assertThat(foreign.group()).isEmpty();
    }

    @Test
    void groupOfAnotherApiUsersServicesOnlyIsRefusedToo() {
        WebService first = aServiceWithSkip(ANOTHER_API_USER, Environment.TEST, "AA0001");
        WebService second = aServiceWithSkip(ANOTHER_API_USER, Environment.TEST, "AA0002");

        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(first, second)),
                "members", "group-mixed-api-users");
    }

    @Test
    void groupHoldsServicesOfOneEnvironmentOnly() {
        WebService testService = testService("AA0001");
        WebService productionService = aServiceWithSkip(Environment.PRODUCTION, "AA0002");

        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(testService, productionService)),
                "members", "group-mixed-environments");

        assertThat(testService.group()).isEmpty();
    }

    @Test
    void groupOfTestServicesCannotBeDeclaredForProduction() {
        // TEST groups are not copied to production (guideline 4.1.2 (3))
        assertInvalid(() -> newGroup(Environment.PRODUCTION, A_GROUP,
                        List.of(testService("AA0001"), testService("AA0002"))),
                "members", "group-mixed-environments");
    }

    @Test
    void everyMemberHasTheSkipFeature() {
        WebService withSkip = testService("AA0001");
        WebService withoutSkip = aServiceWithoutSkip(Environment.TEST, "AA0002");

        assertConflict(() -> newGroup(Environment.TEST, A_GROUP, List.of(withSkip, withoutSkip)),
                "members", "group-member-without-skip");

        assertThat(withSkip.group()).isEmpty();
    }

    @Test
    void serviceBelongsToAtMostOneGroupPerEnvironment() {
        WebService shared = testService("AA0001");
        aGroupOf(A_GROUP, shared, testService("AA0002"));
        WebService newcomer = testService("AA0003");

        assertConflict(() -> newGroup(Environment.TEST, ANOTHER_GROUP, List.of(newcomer, shared)),
                "members", "service-already-grouped");

        assertThat(shared.group()).contains(A_GROUP);
        assertThat(newcomer.group()).as("nothing is applied when a rule is broken").isEmpty();
    }

    @Test
    void groupInTestDoesNotKeepTheProductionRegistrationOutOfAProductionGroup() {
        aGroupOf(A_GROUP, testService("AA0001"), testService("AA0002"));
        WebService production1 = aServiceWithSkip(Environment.PRODUCTION, "AA0001");
        WebService production2 = aServiceWithSkip(Environment.PRODUCTION, "AA0002");

        newGroup(Environment.PRODUCTION, ANOTHER_GROUP, List.of(production1, production2));

        assertThat(production1.group()).contains(ANOTHER_GROUP);
    }

    @Test
    void sameServiceListedTwiceIsRefused() {
        WebService service = testService("AA0001");

        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(service, service)),
                "members", "group-member-duplicate");
    }

    @Test
    void twoRecordsOfTheSameClientIdAreOneServiceListedTwice() {
        assertInvalid(() -> newGroup(Environment.TEST, A_GROUP, List.of(testService("AA0001"), testService("AA0001"))),
                "members", "group-member-duplicate");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = " ")
    void groupNeedsADisplayName(String displayName) {
        assertInvalid(() -> new ServiceGroup(Environment.TEST, AN_API_USER, A_GROUP, displayName,
                List.of(testService("AA0001"), testService("AA0002")), NOW), "displayName", "required");
    }

    @Test
    void groupDisplayNameIsAtMostOneHundredCharacters() {
        List<WebService> members = List.of(testService("AA0001"), testService("AA0002"));
        assertThat(new ServiceGroup(Environment.TEST, AN_API_USER, A_GROUP, "群".repeat(100), members, NOW)
                .displayName()).hasSize(100);

        assertInvalid(() -> new ServiceGroup(Environment.TEST, AN_API_USER, ANOTHER_GROUP, "群".repeat(101),
                List.of(testService("AA0003"), testService("AA0004")), NOW), "displayName", "display-name-length");
    }

    @Test
    void changeMovesMembershipAndMembersThatLeaveReportNoGroup() {
        WebService leaving = testService("AA0001");
        WebService staying = testService("AA0002");
        WebService joining = testService("AA0003");
        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(leaving, staying));

        group.change("新しい名前", List.of(leaving, staying), List.of(staying, joining), NOW.plus(Duration.ofDays(1)));

        assertThat(leaving.group()).isEmpty();
        assertThat(staying.group()).contains(A_GROUP);
        assertThat(joining.group()).contains(A_GROUP);
        assertThat(group.displayName()).isEqualTo("新しい名前");
        assertThat(group.updatedAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));
        assertThat(group.createdAt()).isEqualTo(NOW);
    }

    @Test
    void changeThatBreaksARuleKeepsTheMembersAsTheyWere() {
        WebService first = testService("AA0001");
        WebService second = testService("AA0002");
        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(first, second));

        assertInvalid(() -> group.change("改名", List.of(first, second), List.of(first), NOW),
                "members", "group-too-small");

        assertThat(first.group()).contains(A_GROUP);
        assertThat(second.group()).contains(A_GROUP);
        assertThat(group.displayName()).isEqualTo("健康管理サービス群");
    }

    @Test
    void changeCannotTakeInAServiceOfAnotherGroup() {
        WebService first = testService("AA0001");
        WebService second = testService("AA0002");
        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(first, second));
        WebService other = testService("AA0003");
        aGroupOf(ANOTHER_GROUP, other, testService("AA0004"));

        assertConflict(() -> group.change("改名", List.of(first, second), List.of(first, second, other), NOW),
                "members", "service-already-grouped");

        assertThat(other.group()).contains(ANOTHER_GROUP);
    }

    @Test
    void changeCannotTakeInAServiceWithoutTheSkipFeature() {
        WebService first = testService("AA0001");
        WebService second = testService("AA0002");
        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(first, second));

        assertConflict(() -> group.change("改名", List.of(first, second),
                        List.of(first, aServiceWithoutSkip(Environment.TEST, "AA0003")), NOW),
                "members", "group-member-without-skip");

        assertThat(second.group()).as("the leaving member stays until a change succeeds").contains(A_GROUP);
    }

    @Test
    void groupMembersKeepTheirOwnGroupIdWhenTheGroupIsChangedWithTheSameMembers() {
        WebService first = testService("AA0001");
        WebService second = testService("AA0002");
        ServiceGroup group = newGroup(Environment.TEST, A_GROUP, List.of(first, second));

        group.change("同じメンバー", List.of(first, second), List.of(second, first), NOW);

        assertThat(List.of(first, second)).extracting(WebService::group)
                .containsOnly(Optional.of(A_GROUP));
    }
}
