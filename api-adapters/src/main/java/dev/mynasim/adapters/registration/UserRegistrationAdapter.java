package dev.mynasim.adapters.registration;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.data.RequestBlocks;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.auth.api.PortalAccounts;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.MynaApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 利用者登録等 API (simulator-defined layout): {@code action} {@code status} (the default) or {@code register}; the
 * data is {@code {"登録状況": "登録済み" | "未登録", "登録日時": …}}. Registering twice changes nothing.
 */
@ApplicationScoped
public class UserRegistrationAdapter implements ApiAdapter {

    static final String RESOURCE = "registration";
    private static final ExchangeShape SHAPE = ExchangeShape.of("URA", "userRegistrationReqInfo",
            "userRegistrationProvisionInfo", "userRegistrationData");

    @Inject
    PortalAccounts accounts;

    @Override
    public MynaApi api() {
        return MynaApi.USER_REGISTRATION;
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
        // a person without a registration is exactly whom this API serves
    }

    @Override
    public JsonObject accept(VerifiedAccessToken token, JsonObject requestInfo) {
        String action = RequestBlocks.text(requestInfo, "action", SHAPE.requestInfo()).orElse("status");
        switch (action) {
            case "status" -> { }
            case "register" -> accounts.register(token.person(), "client:" + token.client());
            default -> throw DataRefused.badRequestInfo(SHAPE.requestInfo(),
                    "action must be status or register, got: " + action,
                    "action は status または register です。入力値: " + action);
        }
        return JSON.createObjectBuilder().add("action", action).build();
    }

    @Override
    public JsonObject provide(VerifiedAccessToken token, JsonObject accepted) {
        return status(accounts.registeredAt(token.person()));
    }

    @Override
    public JsonObject view(VerifiedAccessToken token, String resource, ViewRequest request) {
        switch (request.method()) {
            case "GET" -> { }
            case "POST" -> accounts.register(token.person(), "client:" + token.client());
            default -> throw new DataRefused("EVW0405", 405, "Use GET to read the registration and POST to register",
                    "登録状況の参照は GET、登録は POST です");
        }
        return status(accounts.registeredAt(token.person()));
    }

    private static JsonObject status(Optional<Instant> registeredAt) {
        JsonObjectBuilder status = JSON.createObjectBuilder()
                .add("登録状況", registeredAt.isPresent() ? "登録済み" : "未登録");
        registeredAt.ifPresentOrElse(at -> status.add("登録日時", at.toString()), () -> status.addNull("登録日時"));
        return status.build();
    }
}
