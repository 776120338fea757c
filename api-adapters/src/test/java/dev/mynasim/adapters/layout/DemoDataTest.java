package dev.mynasim.adapters.layout;

import static dev.mynasim.adapters.layout.Violations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DemoDataTest {

    private static final Layouts LAYOUTS = Layouts.load();
    private static final List<MynaApi> RECORD_APIS = List.of(MynaApi.SELF_INFO, MynaApi.MEDICAL_INSURANCE, MynaApi.NOTICES);
    /** The day this data was written: nothing in it may lie in the future of it. */
    private static final LocalDate WRITTEN = LocalDate.of(2026, 11, 27);

    static Stream<String> persons() {
        return IntStream.rangeClosed(1, 9).mapToObj(DemoDataTest::person);
    }

    private static String person(int number) {
        return "00000000-0000-4000-8000-1000000000%02d".formatted(number);
    }

    @Test
    void theIndexListsTheNineDemoPersonsByTheirFixedIds() {
        assertThat(DemoData.personIds()).containsExactlyElementsOf(persons().toList());
    }

    @ParameterizedTest
    @MethodSource("persons")
    void everyPersonHasAFilePerApiWithEveryResourceOfItsLayouts(String person) {
        for (MynaApi api : RECORD_APIS) {
            assertThat(DemoData.read(person, api).keySet()).as("%s %s", person, api.code())
                    .containsExactlyElementsOf(LAYOUTS.of(api).stream().map(Layout::resource).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("persons")
    void everyDemoRecordFollowsItsLayoutAndIsDatedInThePast(String person) {
        for (MynaApi api : RECORD_APIS) {
            DemoData.read(person, api).forEach((resource, records) -> {
                Layout layout = LAYOUTS.find(api, resource).orElseThrow(() -> new AssertionError(
                        person + " " + api.code() + " has records of " + resource + ", a resource without layout"));
                for (int i = 0; i < records.size(); i++) {
                    String path = person + "/" + api.code() + "/" + resource + "[" + i + "]";
                    layout.check(records.get(i), path);
                    assertThat(layout.date(records.get(i))).as(path).isBefore(WRITTEN).isAfter(LocalDate.of(2020, 1, 1));
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("persons")
    void anInstitutionCodeAlwaysNamesTheSameInstitution(String person) {
        Map<String, String> nameOfCode = new HashMap<>();
        for (MynaApi api : RECORD_APIS) {
            DemoData.read(person, api).values().stream().flatMap(List::stream).forEach(record -> {
                pair(record, "医療機関コード", "医療機関名", nameOfCode);
                pair(record, "薬局コード", "薬局名", nameOfCode);
                pair(record, "実施機関コード", "実施機関名", nameOfCode);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("persons")
    void checkUpFiguresAddUp(String person) {
        for (JsonObject checkup : DemoData.read(person, MynaApi.MEDICAL_INSURANCE).get("specific-checkups")) {
            double height = checkup.getJsonNumber("身長").doubleValue() / 100;
            double weight = checkup.getJsonNumber("体重").doubleValue();
            assertThat(checkup.getJsonNumber("BMI").doubleValue()).isCloseTo(weight / (height * height), within(0.05));
        }
    }

    @ParameterizedTest
    @MethodSource("persons")
    void expensesAreWholeTenYenAmountsAndTheShareFitsTheAge(String person) {
        // 渡辺 誠 (born 1955-12) pays 20 % from the month after he turned 70; everyone else is of working age
        double share = person.equals(person(7)) ? 0.2 : 0.3;
        for (JsonObject expense : DemoData.read(person, MynaApi.MEDICAL_INSURANCE).get("medical-expenses")) {
            int total = expense.getInt("医療費総額");
            assertThat(total % 10).as("医療費 is 点数 × 10 円").isZero();
            assertThat(expense.getInt("窓口負担額")).isCloseTo((int) Math.round(total * share), within(5));
        }
    }

    @Test
    void ito_sakuraHasExactlyThreeHundredMedicationsFromSeveralPharmacies() {
        List<JsonObject> medications = DemoData.read(person(6), MynaApi.MEDICAL_INSURANCE).get("medications");

        assertThat(medications).hasSize(300);
        assertThat(medications.stream().map(record -> record.getString("薬局コード")).distinct()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(medications.stream().map(record -> record.getString("調剤年月日")).distinct())
                .as("dispensing days spread over years").hasSizeGreaterThan(100);
    }

    @Test
    void tanaka_kenHasFilesButNoRecords() {
        for (MynaApi api : RECORD_APIS) {
            Map<String, List<JsonObject>> records = DemoData.read(person(5), api);
            assertThat(records).as(api.code()).isNotEmpty();
            assertThat(records.values()).as(api.code()).allSatisfy(list -> assertThat(list).isEmpty());
        }
    }

    @Test
    void yamada_taroHasRichDataInEveryApi() {
        Map<String, List<JsonObject>> medical = DemoData.read(person(1), MynaApi.MEDICAL_INSURANCE);
        Layout medications = LAYOUTS.find(MynaApi.MEDICAL_INSURANCE, "medications").orElseThrow();

        assertThat(medical.get("medications")).hasSizeGreaterThanOrEqualTo(20)
                .extracting(medications::date).extracting(LocalDate::getYear).contains(2025, 2026);
        assertThat(medical.get("specific-checkups")).hasSize(2);
        assertThat(medical.get("medical-expenses").stream().map(record -> record.getString("診療年月")).distinct())
                .hasSizeGreaterThanOrEqualTo(10);
        Map<String, List<JsonObject>> selfInfo = DemoData.read(person(1), MynaApi.SELF_INFO);
        assertThat(selfInfo.get("vaccinations")).extracting(record -> record.getString("ワクチン名"))
                .anyMatch(name -> name.contains("コロナ")).anyMatch(name -> name.contains("インフルエンザ"));
        assertThat(selfInfo.get("municipal-checkups")).isNotEmpty();
        Map<String, List<JsonObject>> notices = DemoData.read(person(1), MynaApi.NOTICES);
        assertThat(notices.get("notices")).anyMatch(record -> !record.getBoolean("既読"))
                .anyMatch(record -> record.getBoolean("既読"));
        assertThat(notices.get("deliveries")).anyMatch(record -> !record.getBoolean("既読"))
                .anyMatch(record -> record.containsKey("添付ファイル名"));
    }

    @Test
    void takahashi_misakiHasNoInboxBeforeRegisteringWithThePortal() {
        assertThat(DemoData.read(person(4), MynaApi.NOTICES).values()).allSatisfy(list -> assertThat(list).isEmpty());
        assertThat(DemoData.read(person(4), MynaApi.SELF_INFO).get("vaccinations")).hasSize(3);
    }

    @Test
    void sato_hanakosUnusualCharactersSurviveTheRead() {
        List<String> strings = new ArrayList<>();
        for (MynaApi api : RECORD_APIS) {
            DemoData.read(person(2), api).values().forEach(records -> records.forEach(record -> collect(record, strings)));
        }
        String all = String.join("\u0000", strings);

        assertThat(all)
                .contains("𠮷田レディースクリニック", "𩸽", "髙島歯科", "山﨑調剤薬局")
                .contains("\uFA19崎川").doesNotContain("\u795E崎川")         // the compatibility ideograph is kept as is
                .contains("ｻｸﾗ薬局", "６０ｍｇ", "①", "カ\u3099スター")        // half-width, full-width, circled, combining
                .contains("🎉", "👨\u200D👩\u200D👧", "❤\uFE0F")
                .contains("<script>alert(\"xss\")</script>", "'単引用符'", "C:\\Users\\hanako", "\t", "\r\n", "\u2028")
                .contains("エスケープ表記の 𠮷");                              // written as \ud842\udfb7 in the file
        assertThat(strings).anyMatch(string -> string.length() > 2_000 && string.contains("\n"));
    }

    @Test
    void anUnknownPersonHasNoRecords() {
        assertThat(DemoData.read("9f0c3a58-2a0c-4d5e-9c1b-000000000000", MynaApi.MEDICAL_INSURANCE)).isEmpty();
        assertThat(DemoData.read(person(1), MynaApi.USER_REGISTRATION)).isEmpty();
    }

    @Test
    void aPersonIdMustBeAUuidSoItCannotLeaveTheDemoFolder() {
        assertInvalid(() -> DemoData.read("../layouts", MynaApi.MEDICAL_INSURANCE), "personId", "person-id-format");
        assertInvalid(() -> DemoData.read(null, MynaApi.MEDICAL_INSURANCE), "personId", "person-id-format");
    }

    @Test
    void whatIsReadCannotBeChanged() {
        Map<String, List<JsonObject>> records = DemoData.read(person(1), MynaApi.MEDICAL_INSURANCE);

        assertThatThrownBy(() -> records.remove("medications")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> records.get("medications").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThat(DemoData.read(person(1), MynaApi.MEDICAL_INSURANCE).get("medications")).isNotEmpty();
    }

    private static void pair(JsonObject record, String codeKey, String nameKey, Map<String, String> nameOfCode) {
        if (record.containsKey(codeKey)) {
            String code = record.getString(codeKey);
            String name = record.getString(nameKey);
            String earlier = nameOfCode.putIfAbsent(code, name);
            assertThat(earlier == null ? name : earlier).as("institution %s", code).isEqualTo(name);
        }
    }

    private static void collect(JsonValue value, List<String> strings) {
        switch (value.getValueType()) {
            case STRING -> strings.add(((JsonString) value).getString());
            case OBJECT -> value.asJsonObject().values().forEach(child -> collect(child, strings));
            case ARRAY -> value.asJsonArray().forEach(child -> collect(child, strings));
            default -> { }
        }
    }

}
