package dev.mynasim.auth.api;

import dev.mynasim.registry.api.RuleViolation;
import java.util.UUID;

/** 利用者: a card holder, named by a random id (never the individual number). */
public record PersonId(String value) {

    public PersonId {
        try {
            UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw RuleViolation.invalid("personId", "person-id-format", "A person id is a UUID, got: " + value,
                    "利用者 ID は UUID 形式です。入力値: " + value);
        }
    }

    public static PersonId random() {
        return new PersonId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
