package dev.mynasim.registry.demo;

import dev.mynasim.registry.account.ConsoleAccounts;
import dev.mynasim.registry.api.ApiUserId;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.ClientAuthMethod;
import dev.mynasim.registry.api.ConsentButton;
import dev.mynasim.registry.api.ClientId;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.GroupId;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.SchemaMigrated;
import dev.mynasim.registry.api.ServiceId;
import dev.mynasim.registry.apiuser.ApiUserRegistry;
import dev.mynasim.registry.apiuser.CorporateNumber;
import dev.mynasim.registry.application.UsageApplications;
import dev.mynasim.registry.group.ServiceGroupRegistry;
import dev.mynasim.registry.service.ServiceRegistration;
import dev.mynasim.registry.service.ServiceUrl;
import dev.mynasim.registry.service.WebServiceRegistry;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the demo registrations on start-up, each only when it is missing, so restarts and a second node change
 * nothing: the API user SP00000001 with the services of guideline figures 1.3-1, 2.1-1 and 2.2-1, and a second API
 * user SP00000002 whose service must never share a verification with the first one's.
 */
@ApplicationScoped
public class DemoRegistry {

    public static final String DEMO_PASSWORD_1 = dev.mynasim.registry.api.DemoAccounts.PASSWORDS.get("sp00000001");
    public static final String DEMO_PASSWORD_2 = dev.mynasim.registry.api.DemoAccounts.PASSWORDS.get("sp00000002");

    private static final Logger LOG = Logger.getLogger(DemoRegistry.class.getName());
    private static final Caller SYSTEM = Caller.SYSTEM;
    private static final ApiUserId SP1 = new ApiUserId("SP00000001");
    private static final ApiUserId SP2 = new ApiUserId("SP00000002");

    @Inject
    ApiUserRegistry apiUsers;

    @Inject
    WebServiceRegistry services;

    @Inject
    ServiceGroupRegistry groups;

    @Inject
    ConsoleAccounts accounts;

    @Inject
    UsageApplications applications;

    @Inject
    @ConfigProperty(name = "mynasim.demo-data", defaultValue = "true")
    boolean enabled;

    /** Production mode never loads demo data (DemoAccounts.load). */
    @Inject
    @ConfigProperty(name = "mynasim.server.mode", defaultValue = "dev")
    String serverMode;

    @Inject
    @ConfigProperty(name = "mynasim.base-url", defaultValue = "http://localhost:8080")
    String baseUrl;

    @Transactional
    void load(@Observes @Priority(200) SchemaMigrated migrated) {
        if (!dev.mynasim.registry.api.DemoAccounts.load(enabled, serverMode) || apiUsers.exists(SP1)) {
            return;
        }
        apiUsers.register(SYSTEM, SP1, "デモヘルスケア株式会社", new CorporateNumber("2010401000001"));
        apiUsers.register(SYSTEM, SP2, "サンプル市役所", new CorporateNumber("4020001000002"));
        accounts.create(SYSTEM, "sp00000001", DEMO_PASSWORD_1, SP1);
        accounts.create(SYSTEM, "sp00000002", DEMO_PASSWORD_2, SP2);

        // gated mode: PRODUCTION registrations wait for the production application, as in a shared deployment
        List<Environment> environments = applications.sandbox() ? List.of(Environment.values()) : List.of(Environment.TEST);
        for (Environment env : environments) {
            register(env, SP1, "AA0001", "お薬・健診ノート",
                    "薬剤情報と健診情報、予防接種情報をまとめて記録・表示するために、マイナポータルから取得します。",
                    true, MynaApi.MEDICAL_INSURANCE, MynaApi.SELF_INFO);
            register(env, SP1, "AA0002", "予防接種記録",
                    "予防接種の記録を表示するために、マイナポータルから予防接種情報を取得します。",
                    true, MynaApi.SELF_INFO);
            groups.declare(SYSTEM, env, SP1, new GroupId("G0001"), "お薬・健診ノートと予防接種記録",
                    List.of(client(SP1, "AA0001"), client(SP1, "AA0002")));
        }
        register(Environment.TEST, SP1, "AA0003", "お薬手帳ビューア",
                "薬剤情報を表示するために、マイナポータルから取得します。", false, MynaApi.MEDICAL_INSURANCE);
        register(Environment.TEST, SP1, "AA0004", "健診結果ビューア",
                "健診情報を表示するために、マイナポータルから取得します。", false, MynaApi.SELF_INFO);
        register(Environment.TEST, SP1, "AA0005", "お知らせ受信箱",
                "マイナポータルのお知らせを受け取るために、属性連携を設定し、お知らせを取得します。",
                true, MynaApi.NOTICES, MynaApi.ATTRIBUTE_LINKAGE);
        // the OpenID Connect door with private_key_jwt: the key pair is in docs/demo (TEST only, public on purpose)
        String base = baseUrl.replaceAll("/+$", "") + "/demo/AA0006";
        services.register(SYSTEM, Environment.TEST, client(SP1, "AA0006"), new ServiceRegistration("鍵認証デモ (OpenID Connect)",
                "OpenID Connect と private_key_jwt で連携し、予防接種情報と薬剤情報を取得します。",
                List.of(ServiceUrl.of("redirectUris", base + "/callback")), ServiceUrl.of("callbackUrl", base + "/notice"),
                Set.of(MynaApi.SELF_INFO, MynaApi.MEDICAL_INSURANCE), true, ClientAuthMethod.PRIVATE_KEY_JWT,
                demoJwks(), true, true, true, false, "RS256", ConsentButton.LINK));
        register(Environment.TEST, SP2, "BB0001", "市民ポータル 予防接種",
                "予防接種の記録を表示するために、マイナポータルから予防接種情報を取得します。", true, MynaApi.SELF_INFO);
        LOG.info("Loaded the demo registrations (SP00000001, SP00000002)");
    }

    private void register(Environment env, ApiUserId owner, String serviceId, String name, String consentText,
                          boolean skip, MynaApi... apis) {
        String base = baseUrl.replaceAll("/+$", "") + "/demo/" + serviceId;
        // the real portal authenticates production services by TLS client certificate
        ClientAuthMethod auth = env == Environment.TEST ? ClientAuthMethod.NONE : ClientAuthMethod.TLS_CLIENT_AUTH;
        services.register(SYSTEM, env, client(owner, serviceId), new ServiceRegistration(name, consentText,
                List.of(ServiceUrl.of("redirectUris", base + "/callback")), ServiceUrl.of("callbackUrl", base + "/notice"),
                Set.of(apis), skip, auth, null, env == Environment.TEST, true, true, false, "RS256",
                // guideline 2.2 ⑥: the second service of the group shows データ取得; the others 連携 (figure 2.1-4)
                serviceId.equals("AA0002") ? ConsentButton.FETCH_DATA : ConsentButton.LINK));
    }

    private static String demoJwks() {
        try (var in = DemoRegistry.class.getResourceAsStream("aa0006-jwks.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static ClientId client(ApiUserId owner, String serviceId) {
        return new ClientId(owner, new ServiceId(serviceId));
    }
}
