package dev.mynasim.adapters.record;

import static dev.mynasim.registry.api.JsonP.JSON;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.MynaApi;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.UUID;

/** One record of one person for one API resource, kept as the JSON object the layout describes. */
@Entity
@Table(name = "person_record")
public class PersonRecord {

    @Id
    private String id;
    @Column(name = "person_id")
    private String personId;
    private String api;
    private String resource;
    private int position;
    @Column(name = "record_date")
    private LocalDate recordDate;
    private String body;

    protected PersonRecord() {
    }

    PersonRecord(PersonId person, MynaApi api, String resource, int position, LocalDate recordDate, JsonObject body) {
        this.id = UUID.randomUUID().toString();
        this.personId = person.value();
        this.api = api.code();
        this.resource = resource;
        this.position = position;
        this.recordDate = recordDate;
        this.body = body.toString();
    }

    public JsonObject body() {
        return parse(body);
    }

    /** A stored body (always a JSON object, checked against its layout when it was written). */
    static JsonObject parse(String body) {
        try (var reader = JSON.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
