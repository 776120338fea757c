package dev.mynasim.registry.audit;

import dev.mynasim.registry.api.OperationsCounters;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** MicroProfile Metrics counters in the application registry, counted after the surrounding transaction commits. */
@ApplicationScoped
public class AuditMetrics implements OperationsCounters {

    /** The HELP line of each counter on /metrics. */
    private static final Map<String, String> DESCRIPTIONS = Map.of(
            HashChainedAuditTrail.EVENTS, "Audited events that committed, by action (README: Operations)",
            "mynasim.notice.attempts", "Completion-notice delivery attempts, by result (delivered or failed)");

    @Inject
    private MetricRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @Override
    public void count(String name, String tag, String value) {
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            increment(name, tag, value);
            return;
        }
        if (status != Status.STATUS_ACTIVE) {
            return; // marked for roll-back: it will not commit
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    increment(name, tag, value);
                }
            }
        });
    }

    private void increment(String name, String tag, String value) {
        registry.counter(Metadata.builder().withName(name).withDescription(DESCRIPTIONS.getOrDefault(name, ""))
                .build(), new Tag(tag, value)).inc();
    }
}
