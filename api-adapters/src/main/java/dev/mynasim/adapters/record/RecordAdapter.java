package dev.mynasim.adapters.record;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.adapters.data.ApiAdapter;
import dev.mynasim.adapters.data.DataRefused;
import dev.mynasim.adapters.data.RequestBlocks;
import dev.mynasim.adapters.data.ViewRequest;
import dev.mynasim.adapters.layout.Layout;
import dev.mynasim.auth.api.VerifiedAccessToken;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API that serves person records by layout. Its request block may name a {@code layoutCode} (all of the API's
 * layouts when absent) and an {@code inquiryCondition} {@code Date=YYYYMMDD} (records on or after that date). The
 * result's data is a JSON object {@code {"様式": [{"様式コード", "様式名", "件数", "記録": [...]}]}}.
 */
public abstract class RecordAdapter implements ApiAdapter {

    private static final Pattern CONDITION = Pattern.compile("Date=(\\d{8})");

    @Inject
    protected PersonRecords records;

    @Override
    public List<String> resources() {
        return records.layouts().of(api()).stream().map(Layout::resource).toList();
    }

    @Override
    public void admit(VerifiedAccessToken token) {
        // served to every person the token names, unless an API says otherwise
    }

    @Override
    public JsonObject accept(VerifiedAccessToken token, JsonObject requestInfo) {
        String block = shape().requestInfo();
        JsonArrayBuilder codes = JSON.createArrayBuilder();
        Optional<String> code = RequestBlocks.text(requestInfo, "layoutCode", block);
        if (code.isPresent()) {
            Layout layout = records.layouts().byCode(code.get()).filter(l -> l.api() == api())
                    .orElseThrow(() -> DataRefused.badRequestInfo(block,
                            "unknown layoutCode " + code.get() + " for " + api().code() + "; known: " + layoutCodes(),
                            api().code() + " の様式コードではありません: " + code.get() + "。指定できる値: " + layoutCodes()));
            codes.add(layout.code());
        } else {
            records.layouts().of(api()).forEach(l -> codes.add(l.code()));
        }
        var accepted = JSON.createObjectBuilder().add("layoutCodes", codes);
        RequestBlocks.text(requestInfo, "inquiryCondition", block).ifPresent(condition -> accepted.add("from", from(condition, block).toString()));
        return accepted.build();
    }

    @Override
    public JsonObject provide(VerifiedAccessToken token, JsonObject accepted) {
        Optional<LocalDate> from = accepted.containsKey("from")
                ? Optional.of(LocalDate.parse(accepted.getString("from"))) : Optional.empty();
        JsonArrayBuilder layouts = JSON.createArrayBuilder();
        for (JsonString code : accepted.getJsonArray("layoutCodes").getValuesAs(JsonString.class)) {
            Layout layout = records.layouts().byCode(code.getString()).orElseThrow();
            List<JsonObject> found = records.all(token.person(), layout, from);
            layouts.add(JSON.createObjectBuilder().add("様式コード", layout.code()).add("様式名", layout.nameJa())
                    .add("件数", found.size()).add("記録", JSON.createArrayBuilder(found)));
        }
        return JSON.createObjectBuilder().add("様式", layouts).build();
    }

    @Override
    public JsonObject view(VerifiedAccessToken token, String resource, ViewRequest request) {
        if (!request.reads()) {
            throw new DataRefused("EVW0405", 405, "The " + resource + " resource is read-only",
                    resource + " は読み取り専用です");
        }
        Layout layout = records.layout(api(), resource);
        RecordPage page = records.page(token.person(), layout, request.from(), request.to(), request.offset(),
                request.size());
        return JSON.createObjectBuilder().add("api", api().code()).add("resource", resource)
                .add("layoutCode", layout.code()).add("layoutName", layout.nameJa())
                .add("page", request.page()).add("size", request.size()).add("total", page.total())
                .add("records", JSON.createArrayBuilder(page.records())).build();
    }

    private String layoutCodes() {
        return String.join(", ", records.layouts().of(api()).stream().map(Layout::code).toList());
    }

    private static LocalDate from(String condition, String block) {
        Matcher matcher = CONDITION.matcher(condition);
        try {
            if (matcher.matches()) {
                return LocalDate.parse(matcher.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw DataRefused.badRequestInfo(block, "inquiryCondition must be Date=YYYYMMDD (a real date), got: " + condition,
                "inquiryCondition は Date=YYYYMMDD (実在する日付) で指定してください。入力値: " + condition);
    }
}
