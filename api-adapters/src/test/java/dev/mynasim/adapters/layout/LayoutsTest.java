package dev.mynasim.adapters.layout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.mynasim.registry.api.MynaApi;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayoutsTest {

    private final Layouts layouts = Layouts.load();

    @Test
    void everyRecordServingApiHasItsLayouts() {
        assertThat(layouts.of(MynaApi.SELF_INFO)).extracting(Layout::code, Layout::resource)
                .containsExactly(tuple("SIM-SI-0001", "vaccinations"),
                        tuple("SIM-SI-0002", "municipal-checkups"));
        assertThat(layouts.of(MynaApi.MEDICAL_INSURANCE)).extracting(Layout::code)
                .containsExactly("SIM-MI-0001", "SIM-MI-0002", "SIM-MI-0003");
        assertThat(layouts.of(MynaApi.NOTICES)).extracting(Layout::resource)
                .containsExactly("notices", "deliveries");
        assertThat(layouts.of(MynaApi.USER_REGISTRATION)).isEmpty();
        assertThat(layouts.of(MynaApi.ATTRIBUTE_LINKAGE)).isEmpty();
        assertThat(layouts.all()).hasSize(7);
    }

    @Test
    void layoutsAreFoundByResourceAndByCode() {
        Layout medications = layouts.find(MynaApi.MEDICAL_INSURANCE, "medications").orElseThrow();

        assertThat(medications.code()).isEqualTo("SIM-MI-0001");
        assertThat(medications.nameJa()).isEqualTo("薬剤情報");
        assertThat(medications.dateField()).isEqualTo("調剤年月日");
        assertThat(medications.field("医薬品コード").orElseThrow().pattern()).isEqualTo("[0-9A-Z]{12}");
        assertThat(layouts.byCode("SIM-MI-0001")).contains(medications);
        assertThat(layouts.find(MynaApi.SELF_INFO, "medications")).isEmpty();
        assertThat(layouts.byCode("SIM-XX-9999")).isEmpty();
    }

    @Test
    void theDateFieldOfEachLayoutIsTheOneTheBriefNames() {
        assertThat(layouts.all()).extracting(Layout::code, Layout::dateField).containsExactly(
                tuple("SIM-SI-0001", "接種日"),
                tuple("SIM-SI-0002", "健診実施日"),
                tuple("SIM-MI-0001", "調剤年月日"),
                tuple("SIM-MI-0002", "健診実施日"),
                tuple("SIM-MI-0003", "診療年月"),
                tuple("SIM-NT-0001", "受信日時"),
                tuple("SIM-NT-0002", "受信日時"));
        assertThat(layouts.byCode("SIM-MI-0003").orElseThrow().field("診療年月").orElseThrow().type())
                .isEqualTo(FieldType.MONTH);
        assertThat(layouts.byCode("SIM-NT-0001").orElseThrow().field("受信日時").orElseThrow().type())
                .isEqualTo(FieldType.DATETIME);
    }

    @ParameterizedTest
    @EnumSource(value = MynaApi.class, names = {"SELF_INFO", "MEDICAL_INSURANCE", "NOTICES"})
    void everyLayoutFileSaysItIsSimulatorDefinedAndDescribesEveryField(MynaApi api) throws Exception {
        try (InputStream in = getClass().getResourceAsStream(Layouts.DIRECTORY + api.code() + ".json");
             JsonReader reader = Json.createReader(in)) {
            JsonObject file = reader.readObject();
            assertThat(file.getBoolean("simulatorDefined")).isTrue();
            assertThat(file.getString("api")).isEqualTo(api.code());
        }
        for (Layout layout : layouts.of(api)) {
            assertThat(layout.code()).startsWith("SIM-");
            assertThat(allFields(layout.fields())).allSatisfy(field ->
                    assertThat(field.description()).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]"));
        }
    }

    @Test
    void codeSystemFieldsCarryTheirPattern() {
        List<Field> coded = layouts.all().stream().flatMap(layout -> allFields(layout.fields()).stream())
                .filter(field -> field.codeSystem() != null).toList();

        assertThat(coded).extracting(Field::codeSystem).contains("YJコード", "JLAC10", "医療機関コード",
                "レセプト電算処理システム医薬品コード");
        assertThat(coded).allSatisfy(field -> assertThat(field.pattern()).isNotBlank());
    }

    @Test
    void malformedJsonNamesTheFile() {
        assertThatThrownBy(() -> read("{\"api\": \"notices\", \"layouts\": ["))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void aFileOfAnotherApiIsRefused() {
        assertThatThrownBy(() -> read(file("\"api\": \"self-info\",", layout("SIM-X-1", "a", "日", field("日", "date")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("self-info");
    }

    @Test
    void anUnknownFieldTypeIsRefused() {
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date"), field("名", "string")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("layouts[0].fields[1]").hasMessageContaining("string");
    }

    @Test
    void aDateFieldThatIsMissingOrNotADateIsRefused() {
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日付", field("日", "date")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("broken.json")
                .hasMessageContaining("日付");
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "名", field("名", "text")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("date field 名");
    }

    @Test
    void repeatedCodesOrResourcesAreRefused() {
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date")) + ","
                + layout("SIM-X-1", "b", "日", field("日", "date")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("repeats the layout code SIM-X-1");
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date")) + ","
                + layout("SIM-X-2", "a", "日", field("日", "date")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("repeats the resource a");
    }

    @Test
    void aPatternOnANonTextFieldOrABadPatternIsRefused() {
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date"),
                "{\"name\": \"数\", \"type\": \"integer\", \"required\": false, \"description\": \"数\", \"pattern\": \"[0-9]+\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not text");
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date"),
                "{\"name\": \"符\", \"type\": \"text\", \"required\": false, \"description\": \"符\", \"pattern\": \"[0-9\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bad pattern");
    }

    @Test
    void aListWithoutElementFieldsOrAFieldWithATypoIsRefused() {
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date"), field("一覧", "list")))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("一覧");
        assertThatThrownBy(() -> read(file(layout("SIM-X-1", "a", "日", field("日", "date"),
                "{\"name\": \"名\", \"type\": \"text\", \"requried\": true, \"description\": \"名\"}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("requried");
    }

    @Test
    void aWellFormedFileIsRead() {
        List<Layout> read = read(file(layout("SIM-X-1", "a", "日", field("日", "date"),
                "{\"name\": \"明細\", \"type\": \"list\", \"required\": false, \"description\": \"明細\", \"fields\": ["
                        + field("名", "text") + "]}")));

        assertThat(read).singleElement().satisfies(layout -> {
            assertThat(layout.api()).isEqualTo(MynaApi.NOTICES);
            assertThat(layout.field("明細").orElseThrow().fields()).extracting(Field::name).containsExactly("名");
        });
    }

    private static List<Layout> read(String json) {
        return Layouts.read(MynaApi.NOTICES, "broken.json",
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String file(String layouts) {
        return file("\"api\": \"notices\",", layouts);
    }

    private static String file(String api, String layouts) {
        return "{" + api + " \"layouts\": [" + layouts + "]}";
    }

    private static String layout(String code, String resource, String dateField, String... fields) {
        return "{\"code\": \"" + code + "\", \"resource\": \"" + resource + "\", \"nameJa\": \"名\", \"nameEn\": \"n\","
                + " \"dateField\": \"" + dateField + "\", \"fields\": [" + String.join(",", fields) + "]}";
    }

    private static String field(String name, String type) {
        return "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"required\": true, \"description\": \"説明\"}";
    }

    private static List<Field> allFields(List<Field> fields) {
        return fields.stream().flatMap(field -> Stream.concat(Stream.of(field),
                allFields(field.fields()).stream())).toList();
    }
}
