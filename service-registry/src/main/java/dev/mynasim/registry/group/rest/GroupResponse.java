package dev.mynasim.registry.group.rest;

import dev.mynasim.registry.group.ServiceGroup;
import dev.mynasim.registry.service.WebService;
import java.time.Instant;
import java.util.List;

/** A group on the wire; {@code id} ({@code SP00000001_G0001}) names it in URLs. */
public record GroupResponse(String id, String apiUserId, String groupId, String environment, String displayName,
                            List<String> members, Instant createdAt, Instant updatedAt) {

    static GroupResponse of(ServiceGroup group, List<WebService> members) {
        return new GroupResponse(group.owner() + "_" + group.groupId(), group.owner().value(), group.groupId().value(),
                group.environment().path(), group.displayName(),
                members.stream().map(m -> m.clientId().toString()).toList(), group.createdAt(), group.updatedAt());
    }
}
