package dev.mynasim.auth.person;

import dev.mynasim.auth.api.PersonId;
import dev.mynasim.registry.api.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** 利用者 with the basic four attributes (基本 4 情報): name (and kana), birthdate, gender, address. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    private String id;
    private String name;
    @Column(name = "name_kana")
    private String nameKana;
    private LocalDate birthdate;
    private String gender;
    private String address;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Person() {
    }

    public Person(PersonId id, String name, String nameKana, LocalDate birthdate, Gender gender, String address,
                  Instant now) {
        this.id = id.value();
        this.name = check("name", name, 100);
        this.nameKana = check("nameKana", nameKana, 100);
        if (birthdate == null || birthdate.isAfter(LocalDate.ofInstant(now, java.time.ZoneOffset.UTC))) {
            throw RuleViolation.invalid("birthdate", "birthdate-range", "birthdate must be a past date",
                    "生年月日は過去の日付で指定してください");
        }
        this.birthdate = birthdate;
        this.gender = gender.code();
        this.address = check("address", address, 200);
        this.createdAt = now;
    }

    private static String check(String field, String value, int max) {
        RuleViolation.required(field, value);
        if (value.length() > max) {
            throw RuleViolation.invalid(field, field + "-length", field + " must be at most " + max + " characters",
                    field + " は " + max + " 文字以内で指定してください");
        }
        return value.strip();
    }

    public PersonId id() {
        return new PersonId(id);
    }

    public String name() {
        return name;
    }

    public String nameKana() {
        return nameKana;
    }

    public LocalDate birthdate() {
        return birthdate;
    }

    public Gender gender() {
        return Gender.fromCode(gender);
    }

    public String address() {
        return address;
    }
}
