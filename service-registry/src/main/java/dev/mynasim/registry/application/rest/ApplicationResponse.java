package dev.mynasim.registry.application.rest;

import dev.mynasim.registry.application.Step;
import dev.mynasim.registry.application.Transition;
import dev.mynasim.registry.application.UsageApplication;
import java.time.Instant;
import java.util.List;

/** A usage application on the wire, with its history. Step labels are simulator-defined. */
public record ApplicationResponse(String apiUserId, String step, String stepLabel, String phase, String nextStep,
                                  boolean skipFeatureDeclared, boolean productionGroupingDeclared,
                                  List<TransitionResponse> transitions) {

    /** One recorded change. */
    public record TransitionResponse(String action, String step, String actor, Instant at, String note) {
    }

    static ApplicationResponse of(UsageApplication a) {
        Step step = a.step();
        return new ApplicationResponse(a.apiUser().value(), step.code(), step.label(), step.phase().labelJa(),
                step.equals(Step.LAUNCHED) ? null : step.next().code(), a.skipFeatureDeclared(),
                a.productionGroupingDeclared(), a.transitions().stream().map(ApplicationResponse::transition).toList());
    }

    private static TransitionResponse transition(Transition t) {
        return new TransitionResponse(t.action(), t.step().code(), t.actor(), t.at(), t.note());
    }
}
