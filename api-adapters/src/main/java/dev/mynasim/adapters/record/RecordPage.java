package dev.mynasim.adapters.record;

import jakarta.json.JsonObject;
import java.util.List;

/** One page of records, newest first, with the number of records matching the filter. */
public record RecordPage(List<JsonObject> records, long total) {
}
