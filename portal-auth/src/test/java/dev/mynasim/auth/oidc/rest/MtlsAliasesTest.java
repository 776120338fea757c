package dev.mynasim.auth.oidc.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.Environment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 8705 §5: discovery names the mutual-TLS endpoints only where a mutual-TLS listener is configured. */
class MtlsAliasesTest {

    @Test
    void withoutATlsListenerDiscoveryAdvertisesNoAliases() {
        assertThat(OidcResource.mtlsAliases(Optional.empty(), Environment.TEST)).isEmpty();
        assertThat(OidcResource.mtlsAliases(Optional.of(" "), Environment.TEST)).isEmpty();
    }

    @Test
    void withATlsListenerTheAliasesPointAtItPerEnvironment() {
        assertThat(OidcResource.mtlsAliases(Optional.of("https://sim.example:8443/"), Environment.PRODUCTION))
                .get().satisfies(aliases -> assertThat(aliases.toJSONObject()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "token_endpoint", "https://sim.example:8443/production/oidc/token",
                        "introspection_endpoint", "https://sim.example:8443/production/oidc/introspect",
                        "revocation_endpoint", "https://sim.example:8443/production/oidc/revoke",
                        "userinfo_endpoint", "https://sim.example:8443/production/oidc/userinfo")));
    }
}
