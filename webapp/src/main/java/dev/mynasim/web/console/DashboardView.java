package dev.mynasim.web.console;

import dev.mynasim.registry.api.ApplicationAdmin;
import dev.mynasim.registry.api.AuditAdmin;
import dev.mynasim.registry.api.Caller;
import dev.mynasim.registry.api.Environment;
import dev.mynasim.registry.api.ServiceAdmin;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The dashboard ({@code dashboard.xhtml}): registered services per environment, and today's verification decisions
 * (Japan's day, by the simulator clock): card reads asked, card reads skipped (each one a card read saved) and the
 * share saved. The operator sees the whole simulator, an API user its own services.
 */
@Named
@RequestScoped
public class DashboardView {

    @Inject
    ConsoleUser user;

    @Inject
    ServiceAdmin services;

    @Inject
    AuditAdmin audit;

    @Inject
    ApplicationAdmin applications;

    @Inject
    Clock clock;

    private int testServices;
    private int productionServices;
    private long required;
    private long skipped;
    private long cardReads;
    private long failedReads;
    private LocalDate today;
    private Optional<ApplicationAdmin.ApplicationView> application = Optional.empty();

    @PostConstruct
    void load() {
        Caller caller = user.caller();
        testServices = services.registrations(caller, Environment.TEST).size();
        productionServices = services.registrations(caller, Environment.PRODUCTION).size();
        Instant now = clock.instant();
        today = LocalDate.ofInstant(now, ConsoleFormat.JAPAN);
        Instant from = today.atStartOfDay(ConsoleFormat.JAPAN).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(ConsoleFormat.JAPAN).toInstant();
        required = audit.count(caller, "verification.required", from, to);
        skipped = audit.count(caller, "verification.skipped", from, to);
        if (caller.operator()) {
            cardReads = audit.count(caller, "verification.card-read", from, to);
            failedReads = audit.count(caller, "verification.failed", from, to);
        } else {
            application = applications.application(caller, caller.apiUser().orElseThrow());
        }
    }

    public int getTestServices() {
        return testServices;
    }

    public int getProductionServices() {
        return productionServices;
    }

    public long getRequired() {
        return required;
    }

    public long getSkipped() {
        return skipped;
    }

    /** The share of verification decisions that skipped the card read, in whole percent. */
    public long getSavedPercent() {
        return required + skipped == 0 ? 0 : Math.round(100.0 * skipped / (required + skipped));
    }

    public long getCardReads() {
        return cardReads;
    }

    public long getFailedReads() {
        return failedReads;
    }

    public LocalDate getToday() {
        return today;
    }

    public ApplicationAdmin.ApplicationView getApplication() {
        return application.orElse(null);
    }
}
