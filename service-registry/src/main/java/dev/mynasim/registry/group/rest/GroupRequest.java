package dev.mynasim.registry.group.rest;

import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.RuleViolation;
import java.util.List;

/** A group to declare or change: its members named by client id. */
public record GroupRequest(String apiUserId, String groupId, String displayName, List<String> members) {

    List<ClientId> memberIds() {
        if (members == null) {
            throw RuleViolation.invalid("members", "required", "members is required", "members は必須です");
        }
        return members.stream().map(ClientId::parse).toList();
    }
}
