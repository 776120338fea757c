package dev.mynasim.web.rest;

import static dev.mynasim.registry.api.JsonP.JSON;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class BodyLimitFilterTest {

    @Test
    void theTokenIntrospectionAndRevocationEndpointsOfBothDoorsAnswerInTheOAuthFormat() {
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/online-authorization-web/oauth/token")).isTrue();
        assertThat(BodyLimitFilter.oauthFormEndpoint("/production/online-authorization-web/oauth/token")).isTrue();
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/oidc/token")).isTrue();
        assertThat(BodyLimitFilter.oauthFormEndpoint("production/oidc/introspect")).isTrue();
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/oidc/revoke/")).isTrue();
    }

    @Test
    void theAdminApiAndTheDataApisKeepProblemDetails() {
        assertThat(BodyLimitFilter.oauthFormEndpoint("admin/api/cards")).isFalse();
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/online-resource-web/request")).isFalse();
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/api/v1/attribute-linkage/link")).isFalse();
        assertThat(BodyLimitFilter.oauthFormEndpoint("test/oidc/tokens")).isFalse();
        assertThat(BodyLimitFilter.oauthFormEndpoint(null)).isFalse();
    }

    @Test
    void theOAuthRefusalIsRfc6749InvalidRequestWithTheReason() {
        var error = JSON.createReader(new StringReader(BodyLimitFilter.oauthError(
                BodyLimitFilter.tooLarge(65536).getMessage()))).readObject();

        assertThat(error.getString("error")).isEqualTo("invalid_request");
        assertThat(error.getString("error_description")).contains("65536 bytes");
        assertThat(error).containsOnlyKeys("error", "error_description");
    }
}
