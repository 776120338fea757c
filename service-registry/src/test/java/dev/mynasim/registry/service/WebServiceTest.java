package dev.mynasim.registry.service;

import static dev.mynasim.registry.RegistryFixtures.ANOTHER_GROUP;
import static dev.mynasim.registry.RegistryFixtures.A_GROUP;
import static dev.mynasim.registry.RegistryFixtures.NOW;
import static dev.mynasim.registry.RegistryFixtures.aClientId;
import static dev.mynasim.registry.RegistryFixtures.aGroupedService;
import static dev.mynasim.registry.RegistryFixtures.aRegistration;
import static dev.mynasim.registry.RegistryFixtures.aRegistrationWithSkip;
import static dev.mynasim.registry.RegistryFixtures.aServiceWithSkip;
import static dev.mynasim.registry.RegistryFixtures.aServiceWithoutSkip;
import static dev.mynasim.registry.RegistryFixtures.anHttpsUrl;
import static dev.mynasim.registry.RuleViolations.assertConflict;
import static dev.mynasim.registry.RuleViolations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.PinnedCertificate;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebServiceTest {

    @Test
    void newServiceKeepsWhatItsRegistrationSays() {
        WebService service = new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistrationWithSkip(MynaApi.SELF_INFO, MynaApi.NOTICES)
                        .withDisplayName("  予防接種記録  ")
                        .withRedirectUris(List.of(anHttpsUrl("/cb"), anHttpsUrl("/cb2")))
                        .withCallbackUrl(anHttpsUrl("/notify"))
                        .build(), NOW);

        assertThat(service.clientId()).isEqualTo(ClientId.parse("SP00000001_AB0001"));
        assertThat(service.environment()).isEqualTo(Environment.TEST);
        assertThat(service.displayName()).isEqualTo("予防接種記録");
        assertThat(service.redirectUris()).containsExactly("https://rp.example.jp/cb", "https://rp.example.jp/cb2");
        assertThat(service.callbackUrl()).isEqualTo("https://rp.example.jp/notify");
        assertThat(service.apis()).containsExactlyInAnyOrder(MynaApi.SELF_INFO, MynaApi.NOTICES);
        assertThat(service.skipFeature()).isTrue();
        assertThat(service.clientAuth()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(service.group()).isEmpty();
        assertThat(service.createdAt()).isEqualTo(NOW);
    }

    @Test
    void clientAuthNoneIsAllowedForTestRegistrations() {
        WebService service = new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.NONE).build(), NOW);

        assertThat(service.clientAuth()).isEqualTo(ClientAuthMethod.NONE);
    }

    @Test
    void clientAuthNoneIsRefusedForProductionRegistrations() {
        assertInvalid(() -> new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                        aRegistration().withClientAuth(ClientAuthMethod.NONE).build(), NOW),
                "clientAuth", "client-auth-none-test-only");
    }

    @Test
    void clientSecretsAreForTestRegistrationsOnlyAndOnlyForSecretMethods() {
        WebService test = new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.CLIENT_SECRET_BASIC).build(), NOW);
        assertThat(test.needsSecret()).isTrue();
        test.secret("a".repeat(64));
        assertThat(test.needsSecret()).isFalse();
        assertThat(test.clientSecretHash()).hasValue("a".repeat(64));

        assertInvalid(() -> new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                        aRegistration().withClientAuth(ClientAuthMethod.CLIENT_SECRET_POST).build(), NOW),
                "clientAuth", "client-secret-test-only");
        WebService keyed = new WebService(Environment.TEST, aClientId("AB0002"), aRegistration().build(), NOW);
        assertConflict(() -> keyed.secret("b".repeat(64)), "clientAuth", "client-secret-unused");
    }

    @Test
    void headlessModeIsForTestRegistrationsOnly() {
        assertThat(new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.NONE).headless().build(), NOW).headless()).isTrue();
        assertInvalid(() -> new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                        aRegistration().headless().build(), NOW),
                "headless", "headless-test-only");
    }

    @Test
    void rememberedConsentIsForTestRegistrationsOnlyAndAProductionOneStaysAsItWas() {
        assertThat(new WebService(Environment.TEST, aClientId("AB0001"), aRegistration().rememberingConsent().build(),
                NOW).rememberConsent()).isTrue();
        assertThat(new WebService(Environment.TEST, aClientId("AB0002"), aRegistration().build(), NOW)
                .rememberConsent()).as("off unless asked for").isFalse();
        assertInvalid(() -> new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                        aRegistration().rememberingConsent().build(), NOW),
                "rememberConsent", "remember-consent-test-only");
        WebService production = new WebService(Environment.PRODUCTION, aClientId("AB0003"), aRegistration().build(), NOW);
        assertInvalid(() -> production.change(aRegistration().withDisplayName("変更後").rememberingConsent().build(),
                NOW.plusSeconds(60)), "rememberConsent", "remember-consent-test-only");
        assertThat(production.rememberConsent()).isFalse();
        assertThat(production.displayName()).isEqualTo("お薬手帳サービス");
    }

    @Test
    void productionServiceCannotBeChangedToClientAuthNoneAndStaysAsItWas() {
        WebService service = aServiceWithoutSkip(Environment.PRODUCTION, "AB0001");

        assertInvalid(() -> service.change(aRegistration().withDisplayName("変更後")
                        .withClientAuth(ClientAuthMethod.NONE).build(), NOW.plusSeconds(60)),
                "clientAuth", "client-auth-none-test-only");

        assertThat(service.clientAuth()).isEqualTo(ClientAuthMethod.PRIVATE_KEY_JWT);
        assertThat(service.displayName()).isEqualTo("お薬手帳サービス");
        assertThat(service.updatedAt()).isEqualTo(NOW);
    }

    @Test
    void productionServiceMayUseTlsClientAuth() {
        WebService service = new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build(), NOW);

        assertThat(service.clientAuth()).isEqualTo(ClientAuthMethod.TLS_CLIENT_AUTH);
    }

    @Test
    void changeReplacesTheRegistration() {
        WebService service = aServiceWithoutSkip(Environment.TEST, "AB0001");

        service.change(aRegistrationWithSkip(MynaApi.SELF_INFO, MynaApi.USER_REGISTRATION)
                .withClientAuth(ClientAuthMethod.TLS_CLIENT_AUTH)
                .withRedirectUris(List.of(anHttpsUrl("/new"))).build(), NOW.plus(Duration.ofHours(1)));

        assertThat(service.apis()).containsExactlyInAnyOrder(MynaApi.SELF_INFO, MynaApi.USER_REGISTRATION);
        assertThat(service.skipFeature()).isTrue();
        assertThat(service.redirectUris()).containsExactly("https://rp.example.jp/new");
        assertThat(service.clientAuth()).isEqualTo(ClientAuthMethod.TLS_CLIENT_AUTH);
        assertThat(service.jwks()).isNull();
        assertThat(service.createdAt()).isEqualTo(NOW);
        assertThat(service.updatedAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void groupedServiceCannotDropTheSkipFeature() {
        WebService service = aGroupedService();

        assertConflict(() -> service.change(aRegistration().withApis(MynaApi.SELF_INFO).build(), NOW),
                "skipFeature", "grouped-service-needs-skip");

        assertThat(service.skipFeature()).isTrue();
        assertThat(service.apis()).hasSize(2);
        assertThat(service.group()).contains(A_GROUP);
    }

    @Test
    void groupedServiceMayChangeWhileKeepingTheSkipFeature() {
        WebService service = aGroupedService();

        service.change(aRegistrationWithSkip(MynaApi.NOTICES).build(), NOW);

        assertThat(service.apis()).containsExactly(MynaApi.NOTICES);
        assertThat(service.group()).contains(A_GROUP);
    }

    @Test
    void serviceThatLeftItsGroupMayDropTheSkipFeature() {
        WebService service = aGroupedService();
        service.leaveGroup();

        service.change(aRegistration().build(), NOW);

        assertThat(service.skipFeature()).isFalse();
        assertThat(service.group()).isEmpty();
    }

    @Test
    void serviceBelongsToAtMostOneGroup() {
        WebService service = aGroupedService();

        assertConflict(() -> service.joinGroup(ANOTHER_GROUP), "members", "service-already-grouped");

        assertThat(service.group()).contains(A_GROUP);
    }

    @Test
    void joiningItsOwnGroupAgainChangesNothing() {
        WebService service = aGroupedService();

        service.joinGroup(A_GROUP);

        assertThat(service.group()).contains(A_GROUP);
    }

    @Test
    void serviceThatLeftItsGroupMayJoinAnother() {
        WebService service = aGroupedService();
        service.leaveGroup();

        service.joinGroup(ANOTHER_GROUP);

        assertThat(service.group()).contains(ANOTHER_GROUP);
    }

    @Test
    void ungroupedServiceJoinsAGroup() {
        WebService service = aServiceWithSkip(Environment.PRODUCTION, "AB0001");

        service.joinGroup(A_GROUP);

        assertThat(service.group()).contains(A_GROUP);
    }

    @Test
    void aTlsClientAuthRegistrationIsPinnedToOneCertificateAtATime() {
        WebService service = new WebService(Environment.PRODUCTION, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build(), NOW);
        PinnedCertificate first = aPin('A');
        PinnedCertificate second = aPin('B');

        service.pinCertificate(first);
        service.pinCertificate(second);

        assertThat(service.pinnedCertificate()).contains(second);
        service.pinCertificate(null);
        assertThat(service.pinnedCertificate()).isEmpty();
    }

    @Test
    void onlyATlsClientAuthRegistrationTakesACertificate() {
        WebService service = new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.NONE).build(), NOW);

        assertConflict(() -> service.pinCertificate(aPin('A')), "clientAuth", "tls-certificate-unused");
        assertThat(service.pinnedCertificate()).isEmpty();
    }

    @Test
    void leavingTlsClientAuthDropsThePinnedCertificate() {
        WebService service = new WebService(Environment.TEST, aClientId("AB0001"),
                aRegistration().withClientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build(), NOW);
        service.pinCertificate(aPin('A'));

        service.change(aRegistration().withClientAuth(ClientAuthMethod.TLS_CLIENT_AUTH).build(), NOW);
        assertThat(service.pinnedCertificate()).as("a change that keeps the method keeps the pin").isPresent();
        service.change(aRegistration().build(), NOW);
        assertThat(service.pinnedCertificate()).isEmpty();
    }

    private static PinnedCertificate aPin(char fill) {
        return new PinnedCertificate(String.valueOf(fill).repeat(43), "CN=SP00000001_AB0001", "CN=mynasim Client CA",
                NOW.plus(Duration.ofDays(365)), NOW);
    }
}
