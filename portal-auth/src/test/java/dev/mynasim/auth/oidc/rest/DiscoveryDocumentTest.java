package dev.mynasim.auth.oidc.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.util.JSONObjectUtils;
import dev.mynasim.auth.oauth.rest.AuthorizeResponses;
import dev.mynasim.registry.api.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The provider metadata built with Nimbus's {@code OIDCProviderMetadata} has every member and value the document had
 * when it was written by hand (the files were saved from that server); JSON objects are unordered (RFC 8259 §4).
 */
class DiscoveryDocumentTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theMetadataHasTheMembersAndValuesOfTheDocumentBefore(Environment environment) throws Exception {
        String issuer = "http://sim.example/" + environment.path();

        String written = AuthorizeResponses.text(OidcResource.metadata(issuer, environment, Optional.empty()));

        assertThat(JSONObjectUtils.parse(written)).isEqualTo(JSONObjectUtils.parse(saved(environment)));
        assertThat(written).as("URLs are written as they are, not with escaped slashes").contains("\"" + issuer + "\"");
    }

    private static String saved(Environment environment) throws IOException {
        try (InputStream in = DiscoveryDocumentTest.class.getResourceAsStream("/discovery/" + environment.path() + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
