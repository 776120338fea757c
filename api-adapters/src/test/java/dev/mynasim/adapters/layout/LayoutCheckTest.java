package dev.mynasim.adapters.layout;

import static dev.mynasim.adapters.layout.Violations.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.mynasim.registry.api.MynaApi;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LayoutCheckTest {

    private static final Layouts LAYOUTS = Layouts.load();
    private static final Layout MEDICATIONS = LAYOUTS.find(MynaApi.MEDICAL_INSURANCE, "medications").orElseThrow();
    private static final Layout CHECKUPS = LAYOUTS.find(MynaApi.MEDICAL_INSURANCE, "specific-checkups").orElseThrow();
    private static final Layout EXPENSES = LAYOUTS.find(MynaApi.MEDICAL_INSURANCE, "medical-expenses").orElseThrow();
    private static final Layout NOTICES = LAYOUTS.find(MynaApi.NOTICES, "notices").orElseThrow();
    private static final Layout VACCINATIONS = LAYOUTS.find(MynaApi.SELF_INFO, "vaccinations").orElseThrow();

    @Test
    void aWellFormedRecordPasses() {
        assertThatCode(() -> MEDICATIONS.check(aMedication().build(), "records[0]")).doesNotThrowAnyException();
        assertThatCode(() -> CHECKUPS.check(aCheckup(aLabResult()).build(), "records[0]")).doesNotThrowAnyException();
    }

    @Test
    void optionalFieldsMayBeLeftOutOrNull() {
        JsonObject inHouse = aMedication().remove("薬局名").remove("薬局コード").addNull("日数").build();

        assertThatCode(() -> MEDICATIONS.check(inHouse, "records[0]")).doesNotThrowAnyException();
    }

    @Test
    void aMissingRequiredFieldIsNamedByItsPath() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().remove("医薬品名").build(), "records[3]"),
                "records[3].医薬品名", "record-required");
    }

    @Test
    void aRequiredFieldMayNotBeNullOrBlank() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().addNull("医薬品名").build(), "records[3]"),
                "records[3].医薬品名", "record-required");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("医薬品名", " ").build(), "records[3]"),
                "records[3].医薬品名", "record-required");
    }

    @Test
    void aValueOfTheWrongJsonTypeIsRefused() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("日数", "14").build(), "records[1]"),
                "records[1].日数", "record-type");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("日数", 14.5).build(), "records[1]"),
                "records[1].日数", "record-type");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("数量", "28").build(), "records[1]"),
                "records[1].数量", "record-type");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("医薬品名", 42).build(), "records[1]"),
                "records[1].医薬品名", "record-type");
        assertInvalid(() -> NOTICES.check(aNotice().add("既読", "false").build(), "records[0]"),
                "records[0].既読", "record-type");
        assertInvalid(() -> CHECKUPS.check(aCheckup(aLabResult()).add("血液検査", aLabResult()).build(), "records[0]"),
                "records[0].血液検査", "record-type");
    }

    @Test
    void aDecimalFieldTakesIntegersToo() {
        assertThatCode(() -> MEDICATIONS.check(aMedication().add("数量", 28).build(), "r"))
                .doesNotThrowAnyException();
        assertThatCode(() -> MEDICATIONS.check(aMedication().add("数量", 1.5).build(), "r"))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnknownFieldIsRefused() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("備考", "x").build(), "records[2]"),
                "records[2].備考", "record-unknown-field");
    }

    @Test
    void aCodeThatDoesNotMatchItsPatternIsRefused() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("医薬品コード", "2171022f1901").build(), "records[0]"),
                "records[0].医薬品コード", "record-pattern");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("医薬品コード", "2171022F190").build(), "records[0]"),
                "records[0].医薬品コード", "record-pattern");
        // a pharmacy code has 4 (調剤) as its third digit; 48 is no prefecture
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("薬局コード", "1310345678").build(), "records[0]"),
                "records[0].薬局コード", "record-pattern");
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("医療機関コード", "4810512345").build(), "records[0]"),
                "records[0].医療機関コード", "record-pattern");
        assertInvalid(() -> EXPENSES.check(anExpense().add("診療区分", "通院").build(), "records[0]"),
                "records[0].診療区分", "record-pattern");
        assertInvalid(() -> VACCINATIONS.check(aVaccination().add("ワクチンコード", "６３１３４０１２３").build(), "records[0]"),
                "records[0].ワクチンコード", "record-pattern");
    }

    @Test
    void aPatternMustMatchTheWholeValue() {
        assertInvalid(() -> EXPENSES.check(anExpense().add("診療区分", "外来（再診）").build(), "records[0]"),
                "records[0].診療区分", "record-pattern");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30", "2026/04/01", "20260401", "2026-4-1", "２０２６-０４-０１", "2026-04-01T09:00:00+09:00", ""})
    void aBadDateIsRefused(String value) {
        assertInvalid(() -> MEDICATIONS.check(aMedication().add("調剤年月日", value).build(), "records[5]"),
                "records[5].調剤年月日", "record-date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13", "2026-04-01", "202604", "2026/04", "R8-04"})
    void aBadMonthIsRefused(String value) {
        assertInvalid(() -> EXPENSES.check(anExpense().add("診療年月", value).build(), "records[0]"),
                "records[0].診療年月", "record-month");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-04-01T09:30:00", "2026-04-01", "2026-04-01 09:30:00+09:00", "2026-04-31T09:30:00+09:00",
            "2026-04-01T25:00:00+09:00"})
    void aBadDatetimeIsRefused(String value) {
        assertInvalid(() -> NOTICES.check(aNotice().add("受信日時", value).build(), "records[0]"),
                "records[0].受信日時", "record-datetime");
    }

    @Test
    void aRecordThatIsNotAnObjectIsRefused() {
        assertInvalid(() -> NOTICES.check(Json.createValue("お知らせ"), "records[7]"), "records[7]", "record-not-object");
        assertInvalid(() -> NOTICES.check(JsonValue.EMPTY_JSON_ARRAY, "records[7]"), "records[7]", "record-not-object");
        assertInvalid(() -> NOTICES.check(JsonValue.NULL, "records[7]"), "records[7]", "record-not-object");
    }

    @Test
    void aFaultInsideAListIsNamedByTheElementPath() {
        JsonObject record = aCheckup(aLabResult(), aLabResult().add("結果値", "5.8")).build();

        assertInvalid(() -> CHECKUPS.check(record, "records[3]"), "records[3].血液検査[1].結果値", "record-type");
    }

    @Test
    void listElementsAreCheckedLikeRecords() {
        assertInvalid(() -> CHECKUPS.check(aCheckup(aLabResult().remove("項目名")).build(), "records[0]"),
                "records[0].血液検査[0].項目名", "record-required");
        assertInvalid(() -> CHECKUPS.check(aCheckup(aLabResult().add("判定", "A")).build(), "records[0]"),
                "records[0].血液検査[0].判定", "record-unknown-field");
        assertInvalid(() -> CHECKUPS.check(aCheckup(aLabResult().add("JLAC10コード", "3D046")).build(), "records[0]"),
                "records[0].血液検査[0].JLAC10コード", "record-pattern");
        JsonObject notAnObject = aCheckup(aLabResult()).add("血液検査",
                Json.createArrayBuilder().add(aLabResult()).add("HbA1c 5.6")).build();
        assertInvalid(() -> CHECKUPS.check(notAnObject, "records[0]"), "records[0].血液検査[1]", "record-not-object");
    }

    @Test
    void withoutAPathTheFieldNameStandsAlone() {
        assertInvalid(() -> MEDICATIONS.check(aMedication().remove("医薬品名").build(), ""), "医薬品名", "record-required");
    }

    @Test
    void aLongValueIsShortenedInTheMessage() {
        String longText = "あ".repeat(2_000);

        var violation = assertInvalid(() -> EXPENSES.check(anExpense().add("診療区分", longText).build(), "r"),
                "r.診療区分", "record-pattern");
        assertThat(violation.getMessage()).hasSizeLessThan(200).contains("…");
    }

    @Test
    void theDateOfARecordComesFromItsDateField() {
        assertThat(MEDICATIONS.date(aMedication().build())).isEqualTo(LocalDate.of(2026, 4, 7));
        assertThat(EXPENSES.date(anExpense().add("診療年月", "2026-02").build())).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(NOTICES.date(aNotice().add("受信日時", "2026-04-01T09:30:00+09:00").build()))
                .isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aDatetimeCountsOnItsDayInJapan() {
        assertThat(NOTICES.date(aNotice().add("受信日時", "2026-03-31T15:30:00Z").build()))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(NOTICES.date(aNotice().add("受信日時", "2026-04-01T08:59:59+09:00").build()))
                .isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(NOTICES.date(aNotice().add("受信日時", "2026-03-31T23:00:00-05:00").build()))
                .isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    void aRecordWithoutAValidDateHasNoDate() {
        assertInvalid(() -> MEDICATIONS.date(aMedication().remove("調剤年月日").build()), "調剤年月日", "record-required");
        assertInvalid(() -> EXPENSES.date(anExpense().add("診療年月", "2026-00").build()), "診療年月", "record-month");
    }

    private static JsonObjectBuilder aMedication() {
        return Json.createObjectBuilder()
                .add("調剤年月日", "2026-04-07")
                .add("医療機関名", "かすみ内科クリニック")
                .add("医療機関コード", "1310512345")
                .add("薬局名", "さくら調剤薬局 霞が関店")
                .add("薬局コード", "1340345678")
                .add("医薬品名", "アムロジピン錠5mg")
                .add("医薬品コード", "2171022F1901")
                .add("用法", "1日1回朝食後")
                .add("用量", "1回1錠")
                .add("数量", 56)
                .add("単位", "錠")
                .add("日数", 56);
    }

    private static JsonObjectBuilder aLabResult() {
        return Json.createObjectBuilder()
                .add("項目名", "HbA1c")
                .add("JLAC10コード", "3D046000001906202")
                .add("結果値", 5.6)
                .add("単位", "%")
                .add("基準値", "5.5以下");
    }

    private static JsonObjectBuilder aCheckup(JsonObjectBuilder... labResults) {
        JsonArrayBuilder labs = Json.createArrayBuilder();
        for (JsonObjectBuilder lab : labResults) {
            labs.add(lab);
        }
        return Json.createObjectBuilder()
                .add("健診実施日", "2026-06-09")
                .add("実施機関名", "日比谷中央病院")
                .add("実施機関コード", "1310198765")
                .add("身長", 171.3)
                .add("体重", 75.1)
                .add("BMI", 25.6)
                .add("腹囲", 84.2)
                .add("収縮期血圧", 128)
                .add("拡張期血圧", 82)
                .add("血液検査", labs)
                .add("メタボリックシンドローム判定", "非該当");
    }

    private static JsonObjectBuilder anExpense() {
        return Json.createObjectBuilder()
                .add("診療年月", "2026-04")
                .add("医療機関名", "かすみ内科クリニック")
                .add("医療機関コード", "1310512345")
                .add("診療区分", "外来")
                .add("日数", 1)
                .add("医療費総額", 4020)
                .add("窓口負担額", 1210)
                .add("保険者名", "デモ商事健康保険組合");
    }

    private static JsonObjectBuilder aNotice() {
        return Json.createObjectBuilder()
                .add("受信日時", "2026-11-20T08:45:00+09:00")
                .add("件名", "医療費通知情報の更新のお知らせ")
                .add("本文", "確認できるようになりました。")
                .add("送信元", "デジタル庁")
                .add("既読", false);
    }

    private static JsonObjectBuilder aVaccination() {
        return Json.createObjectBuilder()
                .add("接種日", "2025-11-04")
                .add("ワクチン名", "インフルエンザHAワクチン")
                .add("ワクチンコード", "631340123")
                .add("回数", 1)
                .add("実施機関名", "かすみ内科クリニック");
    }
}
