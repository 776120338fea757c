package dev.mynasim.registry.seed;

import dev.mynasim.registry.api.SeededIds.Kind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A TEST service's seed and the count of each kind of id derived from it. */
@Entity
@Table(name = "id_seed")
public class IdSeed {

    @Id
    @Column(name = "client_id")
    private String clientId;
    private String seed;
    private long codes;
    @Column(name = "process_ids")
    private long processIds;
    @Column(name = "set_at")
    private Instant setAt;

    protected IdSeed() {
    }

    IdSeed(String clientId, String seed, Instant now) {
        this.clientId = clientId;
        reset(seed, now);
    }

    /** A new seed, or the same one again: the counts start at zero. */
    void reset(String seed, Instant now) {
        this.seed = seed;
        this.codes = 0;
        this.processIds = 0;
        this.setAt = now;
    }

    /** The count of this id (1 for the first), counted. */
    long count(Kind kind) {
        return kind == Kind.CODE ? ++codes : ++processIds;
    }

    public String clientId() {
        return clientId;
    }

    public String seed() {
        return seed;
    }

    public long codes() {
        return codes;
    }

    public long processIds() {
        return processIds;
    }

    public Instant setAt() {
        return setAt;
    }
}
