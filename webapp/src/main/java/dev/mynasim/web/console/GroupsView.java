package dev.mynasim.web.console;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupAdmin;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Groups ({@code groups.xhtml}, グルーピング, guideline 2.2): the groups of both environments the caller may see, a
 * form that declares one as {@code POST …/groups} does, and dissolving one.
 */
@Named
@ViewScoped
public class GroupsView extends ConsoleView {

    @Inject
    GroupAdmin groups;

    @Inject
    ServiceAdmin services;

    private String done;
    private transient List<GroupAdmin.GroupView> list;

    private String environment = "test";
    private String apiUserId;
    private String groupId;
    private String displayName;
    private List<String> members = new ArrayList<>();

    public List<GroupAdmin.GroupView> getList() {
        if (list == null) {
            list = Stream.concat(groups.groups(caller(), Environment.TEST).stream(),
                    groups.groups(caller(), Environment.PRODUCTION).stream()).toList();
        }
        return list;
    }

    /** The services a group may hold, of either environment: those with the skip feature. */
    public List<RegisteredService> getCandidates() {
        return Stream.concat(services.registrations(caller(), Environment.TEST).stream(),
                services.registrations(caller(), Environment.PRODUCTION).stream())
                .filter(RegisteredService::skipFeature).toList();
    }

    public String declare() {
        if (!attempt("group-new", () -> groups.declare(caller(), Environment.parse(environment),
                user.isOperator() ? apiUserId : null, groupId, displayName,
                members.stream().map(ClientId::parse).toList()))) {
            return null;
        }
        return redirect("/console/groups.xhtml", "done", "declared");
    }

    /** The row's button names the group as {@code test/SP00000001/G0001}. */
    public String dissolve() {
        String[] ref = String.valueOf(rowValue("groups:dissolve")).split("/");
        if (ref.length != 3 || !attempt("groups", () -> groups.dissolve(caller(), Environment.parse(ref[0]), new ApiUserId(ref[1]),
                new GroupId(ref[2])))) {
            return null;
        }
        return redirect("/console/groups.xhtml", "done", "dissolved");
    }

    public String getNotice() {
        return done != null && Set.of("declared", "dissolved").contains(done) ? "groups.done." + done : null;
    }

    public String getDone() {
        return done;
    }

    public void setDone(String done) {
        this.done = done;
    }

    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    public String getApiUserId() {
        return apiUserId;
    }

    public void setApiUserId(String apiUserId) {
        this.apiUserId = apiUserId;
    }

    public String getGroupId() {
        return groupId;
    }

    public void setGroupId(String groupId) {
        this.groupId = groupId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public List<String> getMembers() {
        return members;
    }

    public void setMembers(List<String> members) {
        this.members = members;
    }
}
