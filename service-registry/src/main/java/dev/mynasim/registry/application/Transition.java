package dev.mynasim.registry.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** One recorded change of a usage application: who, when, what, and the step it left the application at. */
@Embeddable
public class Transition {

    private String action;
    @Column(name = "step")
    private int step;
    private String actor;
    @Column(name = "happened_at")
    private Instant at;
    private String note;

    protected Transition() {
    }

    Transition(String action, Step step, String actor, Instant at, String note) {
        this.action = action;
        this.step = step.number();
        this.actor = actor;
        this.at = at;
        this.note = note;
    }

    public String action() {
        return action;
    }

    public Step step() {
        return new Step(step);
    }

    public String actor() {
        return actor;
    }

    public Instant at() {
        return at;
    }

    public String note() {
        return note;
    }
}
