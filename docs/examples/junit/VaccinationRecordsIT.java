package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.testing.Browser.Tokens;
import dev.mynasim.testing.Mynasim;
import dev.mynasim.testing.Mynasim.Card;
import dev.mynasim.testing.Mynasim.Service;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * How an integrator's CI uses mynasim-testing: the simulator runs once for the whole test run, each test registers
 * the service and the card it needs, the citizen's part is headless, and the integrator's own code (here a few lines
 * of java.net.http standing in for it) talks to the simulator as it will talk to the real portal.
 * Run with -Dmynasim.jar=path/to/mynasim.jar (or MYNASIM_JAR).
 */
@ExtendWith(dev.mynasim.testing.MynasimExtension.class)
class VaccinationRecordsIT {

    @Test
    void aCitizenWhoConsentedSeesTheirVaccinations(Mynasim mynasim) throws Exception {
        Card card = mynasim.createCard("1234");
        Service service = mynasim.registerService("EX0001", "self-info");

        Tokens tokens = mynasim.browser().authorize(service).oidc().card(card).approve().exchange();

        // the integrator's code: the data API with the access token it got
        HttpResponse<String> vaccinations = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(mynasim.loopbackUrl() + "/test/api/v1/self-info/vaccinations?size=20&page=1"))
                .header("Authorization", "Bearer " + tokens.accessToken()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, vaccinations.statusCode(), vaccinations.body());
        assertTrue(vaccinations.body().contains("\"api\":\"self-info\""), vaccinations.body());
    }

    @Test
    void aCitizenWhoDeclinesLeavesTheServiceWithAccessDenied(Mynasim mynasim) {
        Card card = mynasim.createCard("1234");
        Service service = mynasim.registerService("EX0002", "self-info");

        var authorization = mynasim.browser().authorize(service).card(card).cancel();

        assertEquals("access_denied", authorization.error().orElseThrow());
        assertFalse(authorization.code().isPresent());
    }
}
