package dev.mynasim.adapters.exchange;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.Adapters;
import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.BearerTokens;
import dev.mynasim.adapters.data.DataFaults;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.JsonBodies;
import dev.mynasim.auth.api.VerifiedAccessToken;
import dev.mynasim.registry.api.AuditTrail;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.FaultRule;
import dev.mynasim.registry.api.FaultStep;
import dev.mynasim.registry.api.RegisteredService;
import dev.mynasim.registry.api.RequestFacts;
import dev.mynasim.registry.api.ServiceDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Mynaportal-compatible exchange (DESIGN.md 5A): {@code request} checks the token for the telegram's API and
 * environment, the telegram id (format, owner, uniqueness) and the request block, stores the request and answers
 * its {@code processId}; the notice follows after {@code mynasim.callback.delay}; {@code result} answers the data
 * once it is ready. Every refusal is a {@code commonHeader.errorCode} with an HTTP status; nothing is stored.
 */
@ApplicationScoped
public class Exchange {

    @Inject
    Adapters adapters;

    @Inject
    BearerTokens tokens;

    @Inject
    DataFaults faults;

    @Inject
    DataRequests requests;

    @Inject
    ServiceDirectory services;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mynasim.callback.delay", defaultValue = "PT2S")
    String delay;

    public ExchangeAnswer request(Environment environment, String authorization, String body) {
        JsonObject header = JSON.createObjectBuilder().build();
        try {
            JsonObject telegram = telegram(body);
            header = Telegrams.commonHeader(telegram);
            String type = Telegrams.text(header, "telegramType").orElse("");
            ApiAdapter adapter = adapters.byRequestType(type).orElseThrow(() -> unknownType(type, "request"));
            VerifiedAccessToken token = tokens.verify(authorization, environment, adapter.api());
            String telegramId = Telegrams.telegramId(header, token.client());
            faults.apply(token, adapter.api(), FaultStep.REQUEST, telegramId);
            adapter.admit(token);
            JsonObject requestInfo = block(telegram, adapter.shape().requestInfo());
            if (requests.telegramTaken(telegramId)) {
                throw duplicate(telegramId);
            }
            Optional<String> callback = services.find(environment, token.client())
                    .map(RegisteredService::callbackUrl).filter(url -> url != null && !url.isBlank());
            Optional<FaultRule> callbackRule = faults.callbackRule(token, adapter.api());
            Instant now = clock.instant();
            DataRequest stored;
            try {
                stored = requests.accept(adapter, token, requestInfo, telegramId, Telegrams.text(header, "mode")
                        .orElse(null), callback, callbackRule, now, now.plus(Duration.parse(delay)));
            } catch (PersistenceException | jakarta.transaction.TransactionalException e) {
                if (requests.telegramTaken(telegramId)) {
                    throw duplicate(telegramId);
                }
                throw e;
            }
            callbackRule.ifPresent(rule -> faults.callbackHit(rule, stored.processId()));
            // for the connection-test report (README: Request log): request, notice and result share the processId
            RequestFacts.note("api", adapter.api().code());
            RequestFacts.note("process", stored.processId());
            return new ExchangeAnswer(200, answer(header, type, stored.processId(), "").build(), Map.of());
        } catch (DataRefused refused) {
            return refusal(header, refused);
        }
    }

    public ExchangeAnswer result(Environment environment, String authorization, String body) {
        JsonObject header = JSON.createObjectBuilder().build();
        try {
            JsonObject telegram = telegram(body);
            header = Telegrams.commonHeader(telegram);
            String type = Telegrams.text(header, "telegramType").orElse("");
            ApiAdapter adapter = adapters.byResultType(type).orElseThrow(() -> unknownType(type, "result"));
            VerifiedAccessToken token = tokens.verify(authorization, environment, adapter.api());
            Telegrams.telegramId(header, token.client());
            String processId = Telegrams.text(header, "processId").orElseThrow(() -> new DataRefused("ETL0001", 400,
                    "commonHeader.processId is required to fetch a result", "結果の取得には commonHeader.processId が必要です"));
            DataRequest request = requests.find(processId)
                    .filter(r -> r.environment() == environment && r.client().equals(token.client())
                            && r.personId().equals(token.person().value()) && r.api() == adapter.api())
                    .orElseThrow(() -> new DataRefused("EPR0001", 404,
                            "No request with processId " + processId + " of this service, person and API",
                            "このサービス・利用者・API の processId " + processId + " の要求はありません"));
            faults.apply(token, adapter.api(), FaultStep.RESULT, processId);
            Instant now = clock.instant();
            if (now.isBefore(request.readyAt())) {
                long seconds = Math.max(1, Duration.between(now, request.readyAt()).toSeconds() + 1);
                throw new DataRefused("EPR0002", 409, "The result is not ready yet; wait for the notice",
                        "結果はまだ準備中です。完了通知を待ってください").with("Retry-After", Long.toString(seconds));
            }
            adapter.admit(token);
            JsonObject data = adapter.provide(token, request.accepted());
            RequestFacts.note("api", adapter.api().code());
            RequestFacts.note("process", processId);
            audit.append("client:" + token.client(), "data.result", "process/" + processId,
                    adapter.api().code() + " person=" + token.person());
            JsonObjectBuilder answer = answer(header, type, processId, "")
                    .add(adapter.shape().provisionInfo(), JSON.createObjectBuilder()
                            .add(adapter.shape().provisionData(), data.toString()));
            return new ExchangeAnswer(200, answer.build(), Map.of());
        } catch (DataRefused refused) {
            return refusal(header, refused);
        }
    }

    private static JsonObject telegram(String body) {
        return JsonBodies.parse(body).filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                .orElseThrow(() -> new DataRefused("ETL0001", 400, "The body is not a well-formed JSON object",
                        "リクエストボディが正しい JSON オブジェクトではありません"));
    }

    private static JsonObject block(JsonObject telegram, String name) {
        JsonValue block = telegram.get(name);
        if (block == null || block.getValueType() == JsonValue.ValueType.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (block.getValueType() != JsonValue.ValueType.OBJECT) {
            throw DataRefused.badRequestInfo(name, "must be a JSON object", "JSON オブジェクトで指定してください");
        }
        return block.asJsonObject();
    }

    private DataRefused unknownType(String type, String call) {
        String known = String.join(", ", adapters.all().stream().map(a -> call.equals("request")
                ? a.shape().requestType() : a.shape().resultType()).sorted().toList());
        return new DataRefused("ETL0004", 400, "telegramType " + type + " is not a " + call + " telegram; known: " + known,
                "telegramType " + type + " はこの呼び出しの電文種別ではありません。指定できる値: " + known);
    }

    private static DataRefused duplicate(String telegramId) {
        return new DataRefused("ETL0003", 409, "telegramId " + telegramId + " was used before; each telegram needs its own",
                "telegramId " + telegramId + " は使用済みです。電文ごとに新しい telegramId を付けてください");
    }

    private static JsonObjectBuilder answer(JsonObject header, String type, String processId, String errorCode) {
        JsonObjectBuilder common = JSON.createObjectBuilder()
                .add("telegramId", header.getOrDefault("telegramId", JsonValue.NULL))
                .add("telegramType", type == null ? JsonValue.NULL : JSON.createValue(type))
                .add("mode", header.getOrDefault("mode", JsonValue.NULL))
                .add("processId", processId == null ? JsonValue.NULL : JSON.createValue(processId))
                .add("errorCode", errorCode);
        return JSON.createObjectBuilder().add("commonHeader", common);
    }

    private static ExchangeAnswer refusal(JsonObject header, DataRefused refused) {
        JsonValue type = header.getOrDefault("telegramType", JsonValue.NULL);
        JsonValue process = header.getOrDefault("processId", JsonValue.NULL);
        JsonObjectBuilder body = answer(header, type instanceof jakarta.json.JsonString s ? s.getString() : null,
                process instanceof jakarta.json.JsonString s ? s.getString() : null, refused.errorCode())
                .add("errorDetail", JSON.createObjectBuilder().add("message", refused.getMessage())
                        .add("messageJa", refused.messageJa()));
        return new ExchangeAnswer(refused.status(), body.build(), refused.headers());
    }
}
