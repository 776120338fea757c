package dev.mynasim.auth.skip;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import java.util.Objects;
import java.util.Optional;

/**
 * The set of authorizations one card read may cover: a group of services (guideline 2.2), or a single ungrouped
 * service with the skip feature (guideline 2.1, repeats within the window). The API user and the environment are
 * part of it, so a verification never crosses API users or environments (DESIGN.md 9.1), even when two API users
 * happen to use the same group id.
 */
public record SkipDomain(Environment environment, ApiUserId apiUser, String key) {

    public SkipDomain {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(apiUser, "apiUser");
        Objects.requireNonNull(key, "key");
        if (key.isBlank()) {
            throw new IllegalArgumentException("A skip domain needs a key");
        }
    }

    /** The group's domain when the service is grouped, else the service's own (DESIGN.md section 4, condition 4). */
    public static SkipDomain of(Environment environment, ClientId client, Optional<GroupId> group) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(group, "group");
        String key = group.map(g -> "group:" + g.value())
                .orElseGet(() -> "service:" + client.service().value());
        return new SkipDomain(environment, client.apiUser(), key);
    }
}
