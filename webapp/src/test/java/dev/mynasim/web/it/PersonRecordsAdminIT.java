package dev.mynasim.web.it;

import static dev.mynasim.web.it.Fixtures.anApiUser;
import static dev.mynasim.web.it.Fixtures.anApiUserId;
import static dev.mynasim.web.it.RegistryAdminApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The person records the API adapters serve, edited over the admin API
 * ({@code /admin/api/persons/{personId}/records/{api}/{resource}}): replace, append, page and clear; the demo
 * persons' volume and awkward characters; an API user edits only the persons of the cards it owns (others answer 404,
 * DESIGN.md 9.8); bad input gets a 400 naming the field and the rule and changes nothing (9.9); the layouts are listed.
 */
@ExtendWith(SharedServer.class)
class PersonRecordsAdminIT {

    private static final String DEMO_VOLUME = "00000000-0000-4000-8000-100000000006";
    private static final String DEMO_CHARACTERS = "00000000-0000-4000-8000-100000000002";

    private SharedServer.Server server;
    private Api operator;

    @BeforeEach
    void connect(SharedServer.Server server) {
        this.server = server;
        operator = Api.operator(server);
    }

    @Test
    void theOperatorReplacesAppendsPagesAndClearsAPersonsRecords() {
        String person = aPerson();
        String path = records(person, "medical-insurance/medications");

        Api.Reply replaced = operator.put(path, "[" + medication("2025-03-01", "薬 A") + ", "
                + medication("2025-05-01", "薬 B") + ", " + medication("2025-01-01", "薬 C") + "]");
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().getInt("total")).isEqualTo(3);
        assertThat(names(operator.get(path))).as("newest first").containsExactly("薬 B", "薬 A", "薬 C");

        Api.Reply appended = operator.post(path, "[" + medication("2025-04-01", "薬 D") + ", "
                + medication("2024-12-01", "薬 E") + "]");
        assertThat(appended.status()).as(appended.toString()).isEqualTo(200);
        assertThat(appended.json().getInt("total")).isEqualTo(5);

        JsonObject first = operator.get(path + "?size=2").json();
        assertThat(first.getInt("total")).isEqualTo(5);
        assertThat(first.getInt("page")).isEqualTo(1);
        assertThat(first.getInt("size")).isEqualTo(2);
        assertThat(names(first)).containsExactly("薬 B", "薬 D");
        assertThat(names(operator.get(path + "?size=2&page=2").json())).containsExactly("薬 A", "薬 C");
        assertThat(names(operator.get(path + "?size=2&page=3").json())).containsExactly("薬 E");
        assertThat(names(operator.get(path + "?size=2&page=4").json())).isEmpty();

        Api.Reply again = operator.put(path, "[" + medication("2026-01-01", "薬 F") + "]");
        assertThat(again.json().getInt("total")).as("a replacement drops what was there").isEqualTo(1);
        assertThat(names(operator.get(path))).containsExactly("薬 F");
        assertThat(names(operator.get(records(person, "self-info/vaccinations")))).as("other resources untouched")
                .isEmpty();

        assertThat(operator.delete(path).status()).isEqualTo(204);
        JsonObject cleared = operator.get(path).json();
        assertThat(cleared.getInt("total")).isZero();
        assertThat(cleared.getJsonArray("records")).isEmpty();

        assertThat(operator.get("/admin/api/audit?subject=person/" + person).array())
                .extracting(r -> r.asJsonObject().getString("action"))
                .contains("records.replace", "records.append");
    }

    @Test
    void demoPerson006HasExactly300MedicationsReadablePageByPage() {
        String path = records(DEMO_VOLUME, "medical-insurance/medications");
        List<JsonObject> all = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonObject answer = operator.get(path + "?size=100&page=" + page).json();
            assertThat(answer.getInt("total")).isEqualTo(300);
            assertThat(answer.getJsonArray("records")).as("page " + page).hasSize(100);
            answer.getJsonArray("records").forEach(r -> all.add(r.asJsonObject()));
        }
        assertThat(operator.get(path + "?size=100&page=4").json().getJsonArray("records")).isEmpty();

        List<String> dates = all.stream().map(r -> r.getString("調剤年月日")).toList();
        assertThat(dates).as("newest first across the pages").isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(dates.get(0)).isEqualTo("2026-11-18");
        assertThat(dates.get(299)).isEqualTo("2023-01-18");
        Set<JsonObject> distinct = new HashSet<>(all);
        assertThat(distinct).as("no record on two pages").hasSize(300);
        assertProblem(operator.get(path + "?size=101"), 400, "size-range", "size");
    }

    @Test
    void demoPerson002sUnusualCharactersSurviveARoundTrip() {
        String copy = aPerson();
        for (String resource : List.of("notices/notices", "notices/deliveries", "medical-insurance/medications",
                "self-info/vaccinations")) {
            JsonArray original = operator.get(records(DEMO_CHARACTERS, resource) + "?size=100").json()
                    .getJsonArray("records");
            assertThat(original).as(resource).isNotEmpty();

            Api.Reply written = operator.put(records(copy, resource), original.toString());
            assertThat(written.status()).as(written.toString()).isEqualTo(200);
            JsonArray readBack = operator.get(records(copy, resource) + "?size=100").json().getJsonArray("records");

            assertThat(readBack).as(resource).isEqualTo(original);
        }
        String notices = texts(copy, "notices/notices");
        assertThat(notices).contains("\uD842\uDFB7", "\uD867\uDE3D", "\u9AD9", "\uFA19", "\u2028", "\r\n", "\t",
                "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "ｼﾐﾝｶ", "<script>", "\\");
        assertThat(notices).as("the compatibility ideograph is not normalized to U+795E").doesNotContain("\u795E");
        assertThat(texts(copy, "medical-insurance/medications")).as("a base letter with a combining mark stays two code points")
                .contains("\u30AB\u3099");
        assertThat(texts(copy, "notices/deliveries")).contains("C:\\fakepath\\控除証明書（\uD842\uDFB7田）.pdf");
    }

    @Test
    void anApiUserEditsTheRecordsOfItsOwnCardsOnlyAndUnknownPersonsAnswer404() {
        String mine = anApiUserId();
        String theirs = anApiUserId();
        Api me = anApiUserWithAnAccount(mine);
        Api them = anApiUserWithAnAccount(theirs);
        Api.Reply card = me.post("/admin/api/cards", """
                {"pin": "2580", "name": "所有 一郎", "nameKana": "ショユウ イチロウ", "birthdate": "1985-05-05",
                 "gender": "male", "address": "東京都千代田区霞が関1-1"}
                """);
        assertThat(card.status()).as(card.toString()).isEqualTo(201);
        String person = card.json().getString("personId");
        String path = records(person, "self-info/vaccinations");

        Api.Reply written = me.put(path, "[" + vaccination("2025-10-01", "インフルエンザHAワクチン") + "]");
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(me.post(path, "[" + vaccination("2025-11-01", "新型コロナワクチン") + "]").json().getInt("total"))
                .isEqualTo(2);
        assertThat(me.get(path).json().getInt("total")).isEqualTo(2);

        assertProblem(them.get(path), 404, "not-found", null);
        assertProblem(them.put(path, "[]"), 404, "not-found", null);
        assertProblem(them.post(path, "[" + vaccination("2025-12-01", "他人のワクチン") + "]"), 404, "not-found", null);
        assertProblem(them.delete(path), 404, "not-found", null);
        assertThat(operator.get(path).json().getInt("total")).as("nothing of mine changed").isEqualTo(2);

        String global = aPerson();
        assertProblem(me.get(records(global, "self-info/vaccinations")), 404, "not-found", null);
        assertProblem(me.put(records(DEMO_CHARACTERS, "self-info/vaccinations"), "[]"), 404, "not-found", null);
        String unknown = records(UUID.randomUUID().toString(), "self-info/vaccinations");
        assertProblem(operator.get(unknown), 404, "not-found", null);
        assertProblem(operator.put(unknown, "[" + vaccination("2025-10-01", "ワクチン") + "]"), 404, "not-found", null);
        assertProblem(me.get(unknown), 404, "not-found", null);
        assertProblem(operator.get(records("not-a-uuid", "self-info/vaccinations")), 400, "person-id-format", "personId");

        assertThat(me.delete(path).status()).isEqualTo(204);
        assertThat(operator.get(path).json().getInt("total")).isZero();
    }

    @Test
    void badInputGetsA400NamingTheFieldAndTheRuleAndStoresNothing() {
        String person = aPerson();
        String path = records(person, "medical-insurance/medications");
        String kept = "[" + medication("2025-03-01", "残る薬 1") + ", " + medication("2025-02-01", "残る薬 2") + "]";
        assertThat(operator.put(path, kept).status()).isEqualTo(200);
        String good = medication("2025-06-01", "良い記録");

        assertProblem(operator.put(path, "[" + good + ", {\"調剤年月日\": "), 400, "malformed-json", "body");
        assertProblem(operator.put(path, good), 400, "records-array", "body");
        assertProblem(operator.put(path, "[" + good + ", " + good.replace("\"医薬品名\": \"良い記録\", ", "") + "]"),
                400, "record-required", "records[1].医薬品名");
        assertProblem(operator.post(path, "[" + good.replace("\"数量\": 14", "\"数量\": \"14\"") + "]"),
                400, "record-type", "records[0].数量");
        assertProblem(operator.put(path, "[" + good.replace("\"単位\": \"錠\"", "\"単位\": \"錠\", \"色\": \"白\"") + "]"),
                400, "record-unknown-field", "records[0].色");
        assertProblem(operator.post(path, "[" + good + ", " + good.replace("2025-06-01", "2025-02-30") + "]"),
                400, "record-date", "records[1].調剤年月日");
        assertProblem(operator.put(path, "[" + good + ", 42]"), 400, "record-not-object", "records[1]");
        assertProblem(operator.put(records(person, "tax/returns"), "[" + good + "]"), 400, "api-unknown", "api");
        assertProblem(operator.get(records(person, "tax/returns")), 400, "api-unknown", "api");
        assertProblem(operator.put(records(person, "medical-insurance/x-rays"), "[" + good + "]"), 404, "not-found", null);
        assertProblem(operator.get(records(person, "medical-insurance/x-rays")), 404, "not-found", null);

        assertThat(names(operator.get(path))).as("nothing was stored, nothing was replaced")
                .containsExactly("残る薬 1", "残る薬 2");
    }

    @Test
    void moreThan1000RecordsForOneResourceAreRefused() {
        String person = aPerson();
        String path = records(person, "self-info/vaccinations");
        assertThat(operator.put(path, vaccinations(0, 500)).json().getInt("total")).isEqualTo(500);
        assertThat(operator.post(path, vaccinations(500, 500)).json().getInt("total")).isEqualTo(1000);

        assertProblem(operator.post(path, vaccinations(1000, 1)), 400, "too-many-records", "records");

        JsonObject stored = operator.get(path + "?size=1").json();
        assertThat(stored.getInt("total")).as("the refused record was not stored").isEqualTo(1000);
        assertThat(operator.put(path, vaccinations(0, 1)).json().getInt("total"))
                .as("a replacement starts the count again").isEqualTo(1);
    }

    @Test
    void theLayoutsListTheSevenSimulatorDefinedLayouts() {
        JsonArray layouts = operator.get("/admin/api/layouts").array();

        assertThat(layouts).extracting(l -> l.asJsonObject().getString("code") + " " + l.asJsonObject().getString("api")
                        + "/" + l.asJsonObject().getString("resource") + " " + l.asJsonObject().getString("dateField"))
                .containsExactlyInAnyOrder(
                        "SIM-SI-0001 self-info/vaccinations 接種日",
                        "SIM-SI-0002 self-info/municipal-checkups 健診実施日",
                        "SIM-MI-0001 medical-insurance/medications 調剤年月日",
                        "SIM-MI-0002 medical-insurance/specific-checkups 健診実施日",
                        "SIM-MI-0003 medical-insurance/medical-expenses 診療年月",
                        "SIM-NT-0001 notices/notices 受信日時",
                        "SIM-NT-0002 notices/deliveries 受信日時");
        assertThat(layouts).allSatisfy(l -> {
            JsonObject layout = l.asJsonObject();
            assertThat(layout.getBoolean("simulatorDefined")).isTrue();
            assertThat(layout.getString("nameJa")).isNotBlank();
            assertThat(layout.getJsonArray("fields")).contains(jakarta.json.Json.createValue(layout.getString("dateField")));
        });
        JsonObject medications = layouts.stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("code").equals("SIM-MI-0001")).findFirst().orElseThrow();
        assertThat(medications.getString("nameJa")).isEqualTo("薬剤情報");
        assertThat(medications.getJsonArray("fields").getValuesAs(jakarta.json.JsonString::getString))
                .contains("医薬品名", "医薬品コード", "数量", "単位");
    }

    // ---- helpers ----

    /** A fresh global card's holder (the operator's), returning the person id. */
    private String aPerson() {
        String serial = new Portal(server).aCard("1470");
        return operator.get("/admin/api/cards/" + serial).json().getString("personId");
    }

    private Api anApiUserWithAnAccount(String apiUserId) {
        assertThat(operator.post("/admin/api/api-users", anApiUser(apiUserId)).status()).isEqualTo(201);
        assertThat(operator.post("/admin/api/accounts", """
                {"username": "%s", "password": "password-of-%s", "apiUserId": "%s"}
                """.formatted(apiUserId.toLowerCase(), apiUserId, apiUserId)).status()).isEqualTo(201);
        return Api.as(server, apiUserId.toLowerCase(), "password-of-" + apiUserId);
    }

    private static String records(String person, String apiAndResource) {
        return "/admin/api/persons/" + person + "/records/" + apiAndResource;
    }

    private static String medication(String date, String name) {
        return """
                {"調剤年月日": "%s", "医療機関名": "永田町クリニック", "医薬品名": "%s", "数量": 14, "単位": "錠", "日数": 14}"""
                .formatted(date, name);
    }

    private static String vaccination(String date, String name) {
        return """
                {"接種日": "%s", "ワクチン名": "%s", "実施機関名": "霞が関内科"}""".formatted(date, name);
    }

    /** {@code count} small vaccination records numbered from {@code from}, as a JSON array. */
    private static String vaccinations(int from, int count) {
        return IntStream.range(from, from + count)
                .mapToObj(i -> vaccination(java.time.LocalDate.of(2020, 1, 1).plusDays(i).toString(), "V" + i))
                .collect(Collectors.joining(",", "[", "]"));
    }

    /** Every text value of a person's records of one resource, one per line, as the API parsed them. */
    private String texts(String person, String apiAndResource) {
        return operator.get(records(person, apiAndResource) + "?size=100").json().getJsonArray("records").stream()
                .flatMap(r -> r.asJsonObject().values().stream())
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> ((jakarta.json.JsonString) v).getString()).collect(Collectors.joining("\n"));
    }

    private static List<String> names(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return names(reply.json());
    }

    private static List<String> names(JsonObject page) {
        return page.getJsonArray("records").stream().map(r -> r.asJsonObject().getString("医薬品名")).toList();
    }
}
