package dev.mynasim.auth.consent;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import java.time.Instant;
import java.util.Set;

/** Grants in domain language for tests of other packages. */
public final class GrantFixtures {

    private GrantFixtures() {
    }

    public static OAuthGrant aGrantOfTheHealthNote(Environment environment, PersonId person, Instant authTime,
                                                   boolean skipped) {
        return new OAuthGrant("consent-1", environment, ClientId.parse("SP00000001_AA0001"), person,
                Set.of(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO), java.util.List.of(), authTime, skipped,
                authTime.plusSeconds(5));
    }

    public static void revoke(OAuthGrant grant, Instant now) {
        grant.revoke("test", now);
    }
}
