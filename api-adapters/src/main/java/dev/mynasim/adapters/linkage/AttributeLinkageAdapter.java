package dev.mynasim.adapters.linkage;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.data.RequestBlocks;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.auth.api.PortalAccounts.AttributeLink;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.MynaApi;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Optional;

/**
 * 属性連携設定 API (simulator-defined layout): {@code action} {@code status} (the default), {@code link} with
 * {@code serviceAccountId}, or {@code unlink}, for the token's person and service. Linking needs a portal
 * registration. The data is {@code {"連携状況": "連携済み" | "未連携", "サービス側アカウントID", "連携日時"}}.
 */
@ApplicationScoped
public class AttributeLinkageAdapter implements ApiAdapter {

    static final String RESOURCE = "link";
    private static final ExchangeShape SHAPE = ExchangeShape.of("ALA", "attributeLinkageReqInfo",
            "attributeLinkageProvisionInfo", "attributeLinkageData");

    @Inject
    PortalAccounts accounts;

    @Override
    public MynaApi api() {
        return MynaApi.ATTRIBUTE_LINKAGE;
    }

    @Override
    public ExchangeShape shape() {
        return SHAPE;
    }

    @Override
    public List<String> resources() {
        return List.of(RESOURCE);
    }

    @Override
    public void admit(VerifiedAccessToken token) {
        // reading the status is always allowed; linking checks the registration itself
    }

    @Override
    public JsonObject accept(VerifiedAccessToken token, JsonObject requestInfo) {
        String action = RequestBlocks.text(requestInfo, "action", SHAPE.requestInfo()).orElse("status");
        switch (action) {
            case "status" -> { }
            case "link" -> link(token, RequestBlocks.text(requestInfo, "serviceAccountId", SHAPE.requestInfo()));
            case "unlink" -> accounts.unlink(token.person(), token.environment(), token.client(), actor(token));
            default -> throw DataRefused.badRequestInfo(SHAPE.requestInfo(),
                    "action must be status, link or unlink, got: " + action,
                    "action は status、link、unlink のいずれかです。入力値: " + action);
        }
        return JSON.createObjectBuilder().add("action", action).build();
    }

    @Override
    public JsonObject provide(VerifiedAccessToken token, JsonObject accepted) {
        return status(accounts.link(token.person(), token.environment(), token.client()));
    }

    @Override
    public JsonObject view(VerifiedAccessToken token, String resource, ViewRequest request) {
        switch (request.method()) {
            case "GET" -> { }
            case "PUT" -> link(token, request.body().flatMap(body -> RequestBlocks.text(body, "serviceAccountId", SHAPE.requestInfo())));
            case "DELETE" -> accounts.unlink(token.person(), token.environment(), token.client(), actor(token));
            default -> throw new DataRefused("EVW0405", 405, "Use GET to read the link, PUT to link and DELETE to unlink",
                    "連携状況の参照は GET、連携は PUT、解除は DELETE です");
        }
        return status(accounts.link(token.person(), token.environment(), token.client()));
    }

    private void link(VerifiedAccessToken token, Optional<String> serviceAccountId) {
        if (accounts.registeredAt(token.person()).isEmpty()) {
            throw DataRefused.notRegistered();
        }
        String id = serviceAccountId.orElseThrow(() -> DataRefused.badRequestInfo(SHAPE.requestInfo(),
                "serviceAccountId (the service's own account id) is required to link",
                "連携には serviceAccountId (サービス側のアカウント ID) が必要です"));
        try {
            accounts.link(token.person(), token.environment(), token.client(), id, actor(token));
        } catch (RuleViolation e) {
            throw DataRefused.badRequestInfo(SHAPE.requestInfo(), e.getMessage(), e.messageJa());
        }
    }

    private static String actor(VerifiedAccessToken token) {
        return "client:" + token.client();
    }

    private static JsonObject status(Optional<AttributeLink> link) {
        JsonObjectBuilder status = JSON.createObjectBuilder().add("連携状況", link.isPresent() ? "連携済み" : "未連携");
        link.ifPresentOrElse(l -> status.add("サービス側アカウントID", l.serviceAccountId()).add("連携日時", l.linkedAt().toString()),
                () -> status.addNull("サービス側アカウントID").addNull("連携日時"));
        return status.build();
    }
}
