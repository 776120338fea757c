package dev.mynasim.auth.skip;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Requests and sessions of the guideline's scenarios, in TEST unless a name says otherwise. */
final class SkipFixtures {

    static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");
    static final Duration THE_WINDOW = Duration.ofMinutes(10);
    /** How long before {@link #NOW} the sessions of these fixtures were made: well inside the window. */
    static final Duration SESSION_AGE = Duration.ofMinutes(3);

    static final GroupId THE_GROUP = new GroupId("G0001");
    static final GroupId ANOTHER_GROUP = new GroupId("G0002");
    static final ClientId FIRST_SERVICE_OF_THE_GROUP = ClientId.parse("SP00000001_AA0001");
    static final ClientId SECOND_SERVICE_OF_THE_GROUP = ClientId.parse("SP00000001_AA0002");
    static final ClientId AN_UNGROUPED_SERVICE = ClientId.parse("SP00000001_AB0001");
    static final ClientId ANOTHER_UNGROUPED_SERVICE = ClientId.parse("SP00000001_AC0001");
    static final ClientId A_SERVICE_OF_ANOTHER_API_USER = ClientId.parse("SP00000002_AA0002");

    private SkipFixtures() {
    }

    static SkipPolicy aPolicyWithTheWindow() {
        return new SkipPolicy(THE_WINDOW);
    }

    /** The second service of the group asks for authorization: the moment case 2 skips the card read. */
    static SkipRequest aGroupedServiceRequest() {
        return aRequestFrom(Environment.TEST, SECOND_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP));
    }

    static SkipRequest anUngroupedServiceRequest() {
        return aRequestFrom(Environment.TEST, AN_UNGROUPED_SERVICE, Optional.empty());
    }

    /** A request from a service with an approved skip feature, with neither prompt=login nor max_age. */
    static SkipRequest aRequestFrom(Environment environment, ClientId client, Optional<GroupId> group) {
        return new SkipRequest(environment, client, group, true, false, Optional.empty());
    }

    static SkipRequest withoutSkipFeature(SkipRequest request) {
        return new SkipRequest(request.environment(), request.client(), request.group(), false,
                request.promptLogin(), request.maxAge());
    }

    static SkipRequest withPromptLogin(SkipRequest request) {
        return new SkipRequest(request.environment(), request.client(), request.group(),
                request.skipFeatureApproved(), true, request.maxAge());
    }

    static SkipRequest withMaxAge(SkipRequest request, Duration maxAge) {
        return new SkipRequest(request.environment(), request.client(), request.group(),
                request.skipFeatureApproved(), request.promptLogin(), Optional.of(maxAge));
    }

    /** The card was read {@link #SESSION_AGE} ago for the first service of the group. */
    static VerifiedCard aSessionFromTheFirstServiceOfTheGroup() {
        return aSessionFrom(Environment.TEST, FIRST_SERVICE_OF_THE_GROUP, Optional.of(THE_GROUP));
    }

    static VerifiedCard aSessionFromTheUngroupedService() {
        return aSessionFrom(Environment.TEST, AN_UNGROUPED_SERVICE, Optional.empty());
    }

    static VerifiedCard aSessionFrom(Environment environment, ClientId client, Optional<GroupId> group) {
        return new VerifiedCard(environment, SkipDomain.of(environment, client, group), "CARD-0001",
                NOW.minus(SESSION_AGE));
    }

    static VerifiedCard readAt(VerifiedCard session, Instant authTime) {
        return new VerifiedCard(session.environment(), session.domain(), session.cardSerial(), authTime);
    }
}
