package dev.mynasim.registry.api;

import java.util.List;

/** Groups (グルーピング) as the consoles list, declare and dissolve them, with the registry's grouping rules. */
public interface GroupAdmin {

    /** One group of one API user in one environment, with its members in service id order. */
    record GroupView(Environment environment, ApiUserId owner, GroupId groupId, String displayName,
                     List<ClientId> members) {
    }

    /** The groups of one environment the caller may see. */
    List<GroupView> groups(Caller caller, Environment environment);

    /** Declares a group of two or more services of one API user, each with the skip feature. */
    GroupView declare(Caller caller, Environment environment, String apiUserId, String groupId, String displayName,
                      List<ClientId> members);

    /** Dissolves a group; its services stay registered. */
    void dissolve(Caller caller, Environment environment, ApiUserId owner, GroupId groupId);
}
