package dev.mynasim.registry.group;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupAdmin;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.RuleViolation;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import dev.mynasim.registry.application.UsageApplications;
import dev.mynasim.registry.service.WebService;
import dev.mynasim.registry.service.WebServiceRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Declares, changes and dissolves groups; an API user's console account reaches only its own. */
@ApplicationScoped
public class ServiceGroupRegistry implements GroupAdmin {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private AuditTrail audit;

    @Inject
    private ApiUserRegistry apiUsers;

    @Inject
    private WebServiceRegistry services;

    @Inject
    private UsageApplications applications;

    @Transactional
    public ServiceGroup declare(Caller caller, Environment environment, ApiUserId owner, GroupId groupId,
                                String displayName, List<ClientId> memberIds) {
        apiUsers.get(caller, owner);
        if (find(environment, owner, groupId).isPresent()) {
            throw RuleViolation.conflict("groupId", "group-exists",
                    "Group " + groupId + " of " + owner + " already exists in " + environment.path(),
                    "グループ " + groupId + " は" + environment.labelJa() + "に既にあります");
        }
        applications.checkGroup(owner, environment);
        var group = new ServiceGroup(environment, owner, groupId, displayName,
                load(caller, environment, memberIds), clock.instant());
        em.persist(group);
        audit.record(caller.name(), "group.declare", subject(group), "members=" + ids(memberIds));
        return group;
    }

    @Transactional
    public ServiceGroup change(Caller caller, Environment environment, ApiUserId owner, GroupId groupId,
                               String displayName, List<ClientId> memberIds) {
        ServiceGroup group = get(caller, environment, owner, groupId);
        group.change(displayName, members(group), load(caller, environment, memberIds), clock.instant());
        audit.record(caller.name(), "group.change", subject(group), "members=" + ids(memberIds));
        return group;
    }

    @Override
    @Transactional
    public void dissolve(Caller caller, Environment environment, ApiUserId owner, GroupId groupId) {
        ServiceGroup group = get(caller, environment, owner, groupId);
        members(group).forEach(WebService::leaveGroup);
        em.remove(group);
        audit.record(caller.name(), "group.dissolve", subject(group), null);
    }

    @Transactional
    public ServiceGroup get(Caller caller, Environment environment, ApiUserId owner, GroupId groupId) {
        return find(environment, owner, groupId).filter(g -> caller.mayAccess(g.owner()))
                .orElseThrow(() -> RuleViolation.notFound("Group", owner + "/" + groupId + " (" + environment.path() + ")"));
    }

    @Transactional
    public List<ServiceGroup> list(Caller caller, Environment environment) {
        return em.createQuery("select g from ServiceGroup g where g.environment = :env order by g.apiUserId, g.groupId",
                        ServiceGroup.class)
                .setParameter("env", environment)
                .getResultStream().filter(g -> caller.mayAccess(g.owner())).toList();
    }

    @Transactional
    public List<WebService> members(ServiceGroup group) {
        return services.members(group.environment(), group.owner(), group.groupId());
    }

    private Optional<ServiceGroup> find(Environment environment, ApiUserId owner, GroupId groupId) {
        return em.createQuery("select g from ServiceGroup g where g.environment = :env and g.apiUserId = :user "
                        + "and g.groupId = :group", ServiceGroup.class)
                .setParameter("env", environment)
                .setParameter("user", owner.value())
                .setParameter("group", groupId.value())
                .getResultStream().findFirst();
    }

    /** Members are named by client id; one the caller may not see is reported as unknown, like any other. */
    private List<WebService> load(Caller caller, Environment environment, List<ClientId> memberIds) {
        return memberIds.stream().map(id -> services.findRegistration(environment, id)
                        .filter(s -> caller.mayAccess(s.apiUser()))
                        .orElseThrow(() -> RuleViolation.invalid("members", "group-member-unknown",
                                "No service " + id + " is registered in " + environment.path(),
                                "サービス " + id + " は" + environment.labelJa() + "に登録されていません")))
                .toList();
    }

    private static String subject(ServiceGroup group) {
        return group.environment().path() + "/" + group.owner() + "/" + group.groupId();
    }

    private static String ids(List<ClientId> ids) {
        return ids.stream().map(ClientId::toString).collect(Collectors.joining(","));
    }

    @Override
    @Transactional
    public List<GroupView> groups(Caller caller, Environment environment) {
        return list(caller, environment).stream().map(this::view).toList();
    }

    /** The checks of {@code POST …/groups}: the owner (an API user's account: itself), the group id, the members. */
    @Override
    @Transactional
    public GroupView declare(Caller caller, Environment environment, String apiUserId, String groupId,
                             String displayName, List<ClientId> members) {
        ApiUserId owner = apiUserId != null && !apiUserId.isBlank() ? new ApiUserId(apiUserId.strip())
                : caller.apiUser().orElseThrow(() -> RuleViolation.invalid("apiUserId", "required",
                        "apiUserId is required", "apiUserId は必須です"));
        GroupId id = new GroupId(RuleViolation.required("groupId", groupId));
        return view(declare(caller, environment, owner, id, displayName, members));
    }

    private GroupView view(ServiceGroup group) {
        return new GroupView(group.environment(), group.owner(), group.groupId(), group.displayName(),
                members(group).stream().map(WebService::clientId).toList());
    }
}
