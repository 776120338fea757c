package dev.mynasim.auth.skip;

import static dev.mynasim.auth.skip.SkipFixtures.ANOTHER_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.ANOTHER_UNGROUPED_SERVICE;
import static dev.mynasim.auth.skip.SkipFixtures.AN_UNGROUPED_SERVICE;
import static dev.mynasim.auth.skip.SkipFixtures.A_SERVICE_OF_ANOTHER_API_USER;
import static dev.mynasim.auth.skip.SkipFixtures.FIRST_SERVICE_OF_THE_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.SECOND_SERVICE_OF_THE_GROUP;
import static dev.mynasim.auth.skip.SkipFixtures.THE_GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SkipDomainTest {

    @Test
    void aGroupedServiceIsInItsGroupsDomain() {
        SkipDomain domain = SkipDomain.of(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP));

        assertThat(domain).isEqualTo(new SkipDomain(Environment.TEST, new ApiUserId("SP00000001"), "group:G0001"));
    }

    @Test
    void anUngroupedServiceIsItsOwnDomain() {
        SkipDomain domain = SkipDomain.of(Environment.PRODUCTION, AN_UNGROUPED_SERVICE, Optional.empty());

        assertThat(domain)
                .isEqualTo(new SkipDomain(Environment.PRODUCTION, new ApiUserId("SP00000001"), "service:AB0001"));
    }

    @Test
    void servicesOfOneGroupShareTheDomain() {
        assertThat(SkipDomain.of(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)))
                .isEqualTo(SkipDomain.of(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)));
    }

    @Test
    void anUngroupedServiceSharesItsDomainOnlyWithItself() {
        SkipDomain domain = SkipDomain.of(Environment.TEST, AN_UNGROUPED_SERVICE, Optional.empty());

        assertThat(SkipDomain.of(Environment.TEST, ClientId.parse("SP00000001_AB0001"), Optional.empty()))
                .isEqualTo(domain);
        assertThat(SkipDomain.of(Environment.TEST, ANOTHER_UNGROUPED_SERVICE, Optional.empty()))
                .isNotEqualTo(domain);
    }

    @Test
    void twoGroupsOfOneApiUserAreTwoDomains() {
        assertThat(SkipDomain.of(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)))
                .isNotEqualTo(SkipDomain.of(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP,
                        Optional.of(ANOTHER_GROUP)));
    }

    @Test
    void aServiceIsInAnotherDomainWhenGroupedThanWhenNot() {
        assertThat(SkipDomain.of(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)))
                .isNotEqualTo(SkipDomain.of(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.empty()));
    }

    @Test
    void twoApiUsersNeverShareADomainEvenWithTheSameGroupId() {
        SkipDomain ours = SkipDomain.of(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP));
        SkipDomain theirs = SkipDomain.of(Environment.TEST, A_SERVICE_OF_ANOTHER_API_USER, Optional.of(THE_GROUP));

        assertThat(theirs.key()).isEqualTo(ours.key());
        assertThat(theirs).isNotEqualTo(ours);
    }

    @Test
    void twoApiUsersNeverShareADomainEvenWithTheSameServiceId() {
        assertThat(SkipDomain.of(Environment.TEST, ClientId.parse("SP00000001_AA0002"), Optional.empty()))
                .isNotEqualTo(SkipDomain.of(Environment.TEST, A_SERVICE_OF_ANOTHER_API_USER, Optional.empty()));
    }

    @Test
    void theSameGroupInTheTwoEnvironmentsIsTwoDomains() {
        assertThat(SkipDomain.of(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP)))
                .isNotEqualTo(SkipDomain.of(Environment.PRODUCTION, FIRST_SERVICE_OF_THE_GROUP,
                        Optional.of(THE_GROUP)));
    }

    @Test
    void aDomainNeedsAllItsParts() {
        ApiUserId apiUser = new ApiUserId("SP00000001");
        assertThatThrownBy(() -> SkipDomain.of(null, AN_UNGROUPED_SERVICE, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("environment");
        assertThatThrownBy(() -> SkipDomain.of(Environment.TEST, null, Optional.empty()))
                .isInstanceOf(NullPointerException.class).hasMessage("client");
        assertThatThrownBy(() -> SkipDomain.of(Environment.TEST, AN_UNGROUPED_SERVICE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("group");
        assertThatThrownBy(() -> new SkipDomain(Environment.TEST, null, "group:G0001"))
                .isInstanceOf(NullPointerException.class).hasMessage("apiUser");
        assertThatThrownBy(() -> new SkipDomain(Environment.TEST, apiUser, null))
                .isInstanceOf(NullPointerException.class).hasMessage("key");
        assertThatThrownBy(() -> new SkipDomain(Environment.TEST, apiUser, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
