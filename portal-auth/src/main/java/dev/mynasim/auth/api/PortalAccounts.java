package dev.mynasim.auth.api;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persons as the data APIs see them: who exists, who may edit whose data, the portal registration (利用者登録) and
 * the attribute linkage (属性連携) of a person's portal account to a service's own account id.
 */
public interface PortalAccounts {

    /** One 属性連携: the person's portal account linked to this service's own account id. */
    record AttributeLink(PersonId person, Environment environment, ClientId client, String serviceAccountId,
                         Instant linkedAt) {
    }

    List<PersonId> all();

    boolean exists(PersonId person);

    /** True when the API user owns a card of this person (it may then edit the person's data). */
    boolean ownedBy(PersonId person, ApiUserId apiUser);

    Optional<Instant> registeredAt(PersonId person);

    /** Registers the person with the portal; registering again changes nothing. */
    Instant register(PersonId person, String actor);

    Optional<AttributeLink> link(PersonId person, Environment environment, ClientId client);

    /** Links (or re-links to a new id) the person's portal account to the service's account id. */
    AttributeLink link(PersonId person, Environment environment, ClientId client, String serviceAccountId,
                       String actor);

    /** Removes the link; true when there was one. */
    boolean unlink(PersonId person, Environment environment, ClientId client, String actor);
}
