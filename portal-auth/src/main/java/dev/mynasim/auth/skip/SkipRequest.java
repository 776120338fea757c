package dev.mynasim.auth.skip;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What the skip rule needs to know of one authorization request and its service.
 *
 * @param environment         the environment of the door the request came through
 * @param client              the requesting service
 * @param group               the service's group, if it is grouped (guideline 2.2)
 * @param skipFeatureApproved the service has the skip feature and it is approved for the service's environment
 * @param promptLogin         the request carried {@code prompt=login}
 * @param maxAge              the request's {@code max_age}, if any (OpenID Connect Core 3.1.2.1)
 */
public record SkipRequest(Environment environment, ClientId client, Optional<GroupId> group,
                          boolean skipFeatureApproved, boolean promptLogin, Optional<Duration> maxAge) {

    public SkipRequest {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(maxAge, "maxAge");
        if (maxAge.filter(Duration::isNegative).isPresent()) {
            // a negative max_age is bad input; the doors refuse it before a request reaches the skip rule
            throw new IllegalArgumentException("max_age cannot be negative, got: " + maxAge.get());
        }
    }

    /** The skip domain a session must belong to for this request's card read to be skipped. */
    public SkipDomain domain() {
        return SkipDomain.of(environment, client, group);
    }
}
