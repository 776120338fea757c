package dev.mynasim.registry.group;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.service.WebService;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/**
 * A group of Web services that share one card verification. Guideline 2.2 and 4.1.2 (3): two or more services of
 * ONE API user in ONE environment, each with the skip feature, each in at most one group of that environment.
 * Membership is kept on the services; this entity checks and applies it.
 */
@Entity
@Table(name = "service_group")
public class ServiceGroup {

    static final int MAX_DISPLAY_NAME = 100;

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private Environment environment;
    @Column(name = "api_user_id")
    private String apiUserId;
    @Column(name = "group_id")
    private String groupId;
    @Column(name = "display_name")
    private String displayName;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private int version;

    protected ServiceGroup() {
    }

    public ServiceGroup(Environment environment, ApiUserId owner, GroupId groupId, String displayName,
                        List<WebService> members, Instant now) {
        this.id = UUID.randomUUID().toString();
        this.environment = environment;
        this.apiUserId = owner.value();
        this.groupId = groupId.value();
        this.createdAt = now;
        change(displayName, List.of(), members, now);
    }

    /** Replaces the members: {@code current} leave, {@code next} join, after every rule has been checked. */
    public void change(String displayName, List<WebService> current, List<WebService> next, Instant now) {
        RuleViolation.required("displayName", displayName);
        if (displayName.length() > MAX_DISPLAY_NAME) {
            throw RuleViolation.invalid("displayName", "display-name-length",
                    "displayName must be at most " + MAX_DISPLAY_NAME + " characters",
                    "displayName は " + MAX_DISPLAY_NAME + " 文字以内で指定してください");
        }
        checkMembers(next);
        current.forEach(WebService::leaveGroup);
        next.forEach(member -> member.joinGroup(groupId()));
        this.displayName = displayName.strip();
        this.updatedAt = now;
    }

    private void checkMembers(List<WebService> members) {
        if (members.size() < 2) {
            throw RuleViolation.invalid("members", "group-too-small",
                    "A group holds two or more services (got " + members.size() + ")",
                    "グループには 2 つ以上のサービスが必要です (指定数: " + members.size() + ")");
        }
        if (new HashSet<>(members.stream().map(WebService::clientId).toList()).size() != members.size()) {
            throw RuleViolation.invalid("members", "group-member-duplicate", "A service is listed twice",
                    "同じサービスが重複して指定されています");
        }
        for (WebService member : members) {
            if (!member.apiUser().equals(owner())) {
                throw RuleViolation.invalid("members", "group-mixed-api-users",
                        "All services of a group belong to one API user (" + owner() + "); "
                                + member.clientId() + " does not",
                        "グループのサービスはすべて同じ API 利用者 (" + owner() + ") のものである必要があります: "
                                + member.clientId());
            }
            if (member.environment() != environment) {
                throw RuleViolation.invalid("members", "group-mixed-environments",
                        "All services of a group are registered in one environment (" + environment.path() + "); "
                                + member.clientId() + " is in " + member.environment().path(),
                        "グループのサービスはすべて同じ環境 (" + environment.labelJa() + ") に登録されている必要があります: "
                                + member.clientId());
            }
            if (!member.skipFeature()) {
                throw RuleViolation.conflict("members", "group-member-without-skip",
                        "Every service of a group has the skip feature; " + member.clientId() + " does not",
                        "グループのサービスはすべて本人確認省略機能を利用する必要があります: " + member.clientId());
            }
            if (member.group().filter(g -> !g.equals(groupId())).isPresent()) {
                throw RuleViolation.conflict("members", "service-already-grouped",
                        "A service belongs to at most one group per environment; " + member.clientId()
                                + " is in group " + member.group().get(),
                        "サービスが属せるグループは環境ごとに 1 つまでです: " + member.clientId() + " はグループ "
                                + member.group().get() + " に属しています");
            }
        }
    }

    public Environment environment() {
        return environment;
    }

    public ApiUserId owner() {
        return new ApiUserId(apiUserId);
    }

    public GroupId groupId() {
        return new GroupId(groupId);
    }

    public String displayName() {
        return displayName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
