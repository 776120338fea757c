package dev.mynasim.auth.oidc;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.GrantType;
import dev.mynasim.auth.client.ClientAuthentication.AuthenticatedClient;
import dev.mynasim.registry.api.Environment;
import java.util.List;
import java.util.Map;

/** One grant type of the OpenID Connect door's token endpoint, for a client that has authenticated. */
public interface GrantHandler {

    GrantType type();

    AccessTokenResponse grant(Environment environment, Map<String, List<String>> form, AuthenticatedClient client);
}
