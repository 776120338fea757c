package dev.mynasim.auth.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.auth.protocol.OAuthError;
import org.junit.jupiter.api.Test;

class ErrorRedirectTest {

    @Test
    void theErrorGoesToTheRedirectUriWithItsDescriptionStateAndIssuerEncoded() {
        ErrorRedirect error = new ErrorRedirect("https://rp.example/cb", "s 1&2", "http://localhost:8080/test");

        assertThat(error.to("access_denied", "the user stopped (連携をやめる)"))
                .isEqualTo(new AuthorizeOutcome.Redirect("https://rp.example/cb?error=access_denied"
                        + "&error_description=the+user+stopped+%28%E9%80%A3%E6%90%BA%E3%82%92%E3%82%84%E3%82%81%E3%82%8B%29"
                        + "&state=s+1%262&iss=http%3A%2F%2Flocalhost%3A8080%2Ftest", java.util.Optional.empty()));
    }

    @Test
    void aRedirectUriWithAQueryGetsTheErrorAppendedAndNoStateOrIssuerWhenThereIsNone() {
        ErrorRedirect error = new ErrorRedirect("https://rp.example/cb?app=1", null, null);

        assertThat(error.to(new OAuthError(400, "invalid_request", "max_age must be a number of seconds")))
                .isEqualTo(new AuthorizeOutcome.Redirect("https://rp.example/cb?app=1&error=invalid_request"
                        + "&error_description=max_age+must+be+a+number+of+seconds", java.util.Optional.empty()));
    }
}
