package dev.mynasim.registry;

import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.ServiceId;
import dev.mynasim.registry.application.Step;
import dev.mynasim.registry.application.UsageApplication;
import dev.mynasim.registry.group.ServiceGroup;
import dev.mynasim.registry.service.ServiceRegistration;
import dev.mynasim.registry.service.ServiceUrl;
import dev.mynasim.registry.service.WebService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The registry's test data, in the domain's words. Every fixture is valid unless its name says otherwise. */
public final class RegistryFixtures {

    public static final ApiUserId AN_API_USER = new ApiUserId("SP00000001");
    public static final ApiUserId ANOTHER_API_USER = new ApiUserId("SP00000002");
    public static final GroupId A_GROUP = new GroupId("G0001");
    public static final GroupId ANOTHER_GROUP = new GroupId("G0002");
    public static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");
    public static final String OPERATOR = "operator";
    /** A JWK Set with one public RSA key (RFC 7517 section 5). */
    public static final String A_JWK_SET = """
            {"keys":[{"kty":"RSA","kid":"rp-1","use":"sig","alg":"RS256","e":"AQAB",\
            "n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"}]}""";

    private RegistryFixtures() {
    }

    public static ClientId aClientId(String serviceId) {
        return new ClientId(AN_API_USER, new ServiceId(serviceId));
    }

    public static ServiceUrl anHttpsUrl(String path) {
        return ServiceUrl.of("redirectUris", "https://rp.example.jp" + path);
    }

    /** A valid registration: one API, no skip feature, private_key_jwt with a JWK Set. Change what a test needs. */
    public static Registration aRegistration() {
        return new Registration();
    }

    /** A registration with the skip feature for the given APIs (at least one, as the guideline asks). */
    public static Registration aRegistrationWithSkip(MynaApi... apis) {
        return aRegistration().withSkipFeature().withApis(apis);
    }

    /** A service of {@link #AN_API_USER} without the skip feature: one API only. */
    public static WebService aServiceWithoutSkip(Environment environment, String serviceId) {
        return new WebService(environment, aClientId(serviceId), aRegistration().build(), NOW);
    }

    /** A service of {@link #AN_API_USER} with the skip feature for two APIs. */
    public static WebService aServiceWithSkip(Environment environment, String serviceId) {
        return aServiceWithSkip(AN_API_USER, environment, serviceId);
    }

    public static WebService aServiceWithSkip(ApiUserId owner, Environment environment, String serviceId) {
        return new WebService(environment, new ClientId(owner, new ServiceId(serviceId)),
                aRegistrationWithSkip(MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO).build(), NOW);
    }

    /** A TEST service with the skip feature that belongs to {@link #A_GROUP} together with a sibling. */
    public static WebService aGroupedService() {
        WebService service = aServiceWithSkip(Environment.TEST, "AA0001");
        aGroupOf(A_GROUP, service, aServiceWithSkip(Environment.TEST, "AA0002"));
        return service;
    }

    /** A TEST group of {@link #AN_API_USER} with the given members. */
    public static ServiceGroup aGroupOf(GroupId groupId, WebService... members) {
        return new ServiceGroup(Environment.TEST, AN_API_USER, groupId, "健康管理サービス群", List.of(members), NOW);
    }

    /** The usage application of {@link #AN_API_USER}, walked step by step to {@code step}; nothing declared. */
    public static UsageApplication anApplicationAt(Step step) {
        return anApplicationAt(step, false);
    }

    /** As {@link #anApplicationAt(Step)}; the skip feature, if asked for, declared at A-1, in good time. */
    public static UsageApplication anApplicationAt(Step step, boolean skipFeatureDeclared) {
        UsageApplication application = new UsageApplication(AN_API_USER, OPERATOR, NOW);
        if (skipFeatureDeclared) {
            application.declareSkipFeature(OPERATOR, null, NOW);
        }
        while (application.step().isBefore(step)) {
            application.advance(application.step().next(), OPERATOR, null, NOW);
        }
        return application;
    }

    /** An application at A-16 with the skip feature and the production grouping declared. */
    public static UsageApplication anApplicationWithProductionGrouping() {
        UsageApplication application = anApplicationAt(Step.PRODUCTION_APPLICATION, true);
        application.declareProductionGrouping(OPERATOR, null, NOW);
        return application;
    }

    /** Builds a {@link ServiceRegistration}; starts valid. */
    public static final class Registration {
        private String displayName = "お薬手帳サービス";
        private String consentText = "マイナポータルから薬剤情報を取得し、お薬手帳に記録します。";
        private List<ServiceUrl> redirectUris = new ArrayList<>(List.of(anHttpsUrl("/callback")));
        private ServiceUrl callbackUrl;
        private Set<MynaApi> apis = EnumSet.of(MynaApi.MEDICAL_INSURANCE);
        private boolean skipFeature;
        private ClientAuthMethod clientAuth = ClientAuthMethod.PRIVATE_KEY_JWT;
        private String jwks = A_JWK_SET;
        private boolean headless;
        private boolean rememberConsent;

        public Registration withDisplayName(String value) {
            displayName = value;
            return this;
        }

        public Registration withConsentText(String value) {
            consentText = value;
            return this;
        }

        public Registration withRedirectUris(List<ServiceUrl> value) {
            redirectUris = value;
            return this;
        }

        public Registration withCallbackUrl(ServiceUrl value) {
            callbackUrl = value;
            return this;
        }

        public Registration withApis(MynaApi... value) {
            apis = value.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(value));
            return this;
        }

        public Registration withApis(Set<MynaApi> value) {
            apis = value;
            return this;
        }

        public Registration withSkipFeature() {
            skipFeature = true;
            return this;
        }

        public Registration withoutSkipFeature() {
            skipFeature = false;
            return this;
        }

        /** Sets the method; drops the JWK Set unless the method is private_key_jwt. */
        public Registration withClientAuth(ClientAuthMethod value) {
            clientAuth = value;
            jwks = value == ClientAuthMethod.PRIVATE_KEY_JWT ? A_JWK_SET : null;
            return this;
        }

        public Registration withJwks(String value) {
            jwks = value;
            return this;
        }

        public Registration headless() {
            headless = true;
            return this;
        }

        public Registration rememberingConsent() {
            rememberConsent = true;
            return this;
        }

        public ServiceRegistration build() {
            return new ServiceRegistration(displayName, consentText, redirectUris, callbackUrl, apis, skipFeature,
                    clientAuth, jwks, headless, true, true, rememberConsent, "RS256", null);
        }
    }
}
