package dev.mynasim.registry.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Usage applications (利用申請) as the consoles follow and move them through the steps A-1 … A-21. Step labels are
 * simulator-defined data.
 */
public interface ApplicationAdmin {

    /** A step of the procedure: {@code A-1} … {@code A-21}, {@code LAUNCHED}, its label and its phase. */
    record StepView(String code, String label, String phase) {
    }

    /** One recorded change of an application. */
    record TransitionView(String action, String step, String actor, Instant at, String note) {
    }

    /** An application: where it stands, what comes next, what was declared, and its history. */
    record ApplicationView(ApiUserId apiUser, String step, String stepLabel, String phase,
                           Optional<String> nextStep, Optional<String> nextStepLabel, boolean skipFeatureDeclared,
                           boolean productionGroupingDeclared, List<TransitionView> transitions) {
    }

    /** Every step in order. */
    List<StepView> steps();

    /** The applications the caller may see. */
    List<ApplicationView> applications(Caller caller);

    /** The application of an API user, if it was started and the caller may see it. */
    Optional<ApplicationView> application(Caller caller, ApiUserId apiUser);

    /** Starts an API user's application at A-1. */
    ApplicationView startApplication(Caller caller, ApiUserId apiUser);

    /** Moves the application to the given step (the next one: steps are walked in order). */
    ApplicationView advance(Caller caller, ApiUserId apiUser, String step, String note);

    /** Declares {@code skip-feature} or {@code production-grouping}. */
    ApplicationView declare(Caller caller, ApiUserId apiUser, String declaration, String note);

    /** True when applications are optional (every registration usable at once). */
    boolean sandbox();
}
