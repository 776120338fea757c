package dev.mynasim.adapters.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.ExchangeShape;
import dev.mynasim.adapters.medical.MedicalInsuranceAdapter;
import dev.mynasim.adapters.selfinfo.SelfInfoAdapter;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The request block of the record APIs: layout code and inquiryCondition Date=YYYYMMDD, refused clearly. */
class RecordAdapterTest {

    private static RecordAdapter adapter(RecordAdapter adapter) {
        adapter.records = new PersonRecords();
        return adapter;
    }

    @Test
    void withoutALayoutCodeEveryLayoutOfTheApiIsAsked() {
        JsonObject accepted = adapter(new MedicalInsuranceAdapter()).accept(null, JsonValue.EMPTY_JSON_OBJECT);
        assertThat(accepted.getJsonArray("layoutCodes").getValuesAs(JsonString.class)).extracting(JsonString::getString)
                .containsExactly("SIM-MI-0001", "SIM-MI-0002", "SIM-MI-0003");
        assertThat(accepted.containsKey("from")).isFalse();
    }

    @Test
    void aLayoutCodeAndADateNarrowTheRequest() {
        JsonObject accepted = adapter(new SelfInfoAdapter()).accept(null, Json.createObjectBuilder()
                .add("layoutCode", "SIM-SI-0001").add("inquiryCondition", "Date=20250401").build());
        assertThat(accepted.getJsonArray("layoutCodes")).hasSize(1);
        assertThat(accepted.getString("from")).isEqualTo("2025-04-01");
    }

    @Test
    void anotherApisLayoutAnImpossibleDateOrAWrongTypeIsRefused() {
        RecordAdapter selfInfo = adapter(new SelfInfoAdapter());
        refused(() -> selfInfo.accept(null, Json.createObjectBuilder().add("layoutCode", "SIM-MI-0001").build()), "SIM-MI-0001");
        refused(() -> selfInfo.accept(null, Json.createObjectBuilder().add("inquiryCondition", "Date=20250231").build()), "20250231");
        refused(() -> selfInfo.accept(null, Json.createObjectBuilder().add("inquiryCondition", "From=20250101").build()), "Date=YYYYMMDD");
        refused(() -> selfInfo.accept(null, Json.createObjectBuilder().add("layoutCode", 1).build()), "layoutCode");
    }

    @Test
    void theSelfInformationExchangeHasThePublicTelegramTypesAndBlocks() {
        ExchangeShape shape = new SelfInfoAdapter().shape();
        assertThat(shape.requestType()).isEqualTo("IFA0301-R01");
        assertThat(shape.resultType()).isEqualTo("IFA0303-R01");
        assertThat(shape.noticeAnswerType()).isEqualTo("IFA0302-S01");
        assertThat(shape.requestInfo()).isEqualTo("selfProvisionDataReqInfo");
        assertThat(shape.provisionInfo() + "." + shape.provisionData())
                .isEqualTo("selfPersonalDataProvisionInfo.selfPersonalData");
    }

    private static void refused(Runnable call, String mentioned) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(DataRefused.class, e -> {
            assertThat(e.errorCode()).isEqualTo("ETL0005");
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).contains(mentioned);
        });
    }
}
