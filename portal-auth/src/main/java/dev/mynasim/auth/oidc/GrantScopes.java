package dev.mynasim.auth.oidc;

import dev.mynasim.auth.consent.OAuthGrant;
import dev.mynasim.registry.api.MynaApi;
import java.util.ArrayList;
import java.util.List;

/** The scope of the OpenID Connect door's tokens. */
final class GrantScopes {

    private GrantScopes() {
    }

    /** {@code openid}, the consented attributes and the APIs of the grant. */
    static String of(OAuthGrant grant) {
        List<String> scope = new ArrayList<>(List.of("openid"));
        scope.addAll(grant.attributes());
        scope.addAll(grant.apis().stream().map(MynaApi::code).sorted().toList());
        return String.join(" ", scope);
    }
}
