package dev.mynasim.registry.audit;

import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one writer of high-volume audit events (DESIGN.md 7): calls queue their entry and return; every
 * {@value #EVERY_MILLIS} ms the writer appends what is queued in one transaction, so a burst of data calls takes the
 * chain's head lock once instead of once per call. The queue is bounded: a caller that finds it full writes the
 * queue itself (back-pressure instead of loss). What is queued at shutdown is written then; a crash loses it.
 */
@ApplicationScoped
public class AuditBatches {

    /** One entry as the caller saw it; its time is the call's, not the write's. */
    record Entry(Instant at, String actor, String action, String subjectId, String detail) {
    }

    static final long EVERY_MILLIS = 250;
    static final int BATCH = 500;
    static final int BOUND = 20_000;
    private static final Logger LOG = Logger.getLogger(AuditBatches.class.getName());

    private final ConcurrentLinkedQueue<Entry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** One writer at a time on this node, so the entries keep the order they were queued in. */
    private final ReentrantLock writing = new ReentrantLock();
    /** A batch the database refused, written first next time (guarded by {@link #writing}). */
    private List<Entry> unwritten = List.of();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    HashChainedAuditTrail trail;

    private ScheduledFuture<?> writer;

    void start(@Observes @Priority(400) SchemaMigrated migrated) {
        writer = scheduler.scheduleWithFixedDelay(this::tick, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(Entry entry) {
        queue.add(entry);
        if (queued.incrementAndGet() > BOUND) {
            flush();
        }
    }

    /** Writes everything queued so far, in batches; returns how many entries were written. */
    public int flush() {
        writing.lock();
        try {
            int written = 0;
            while (true) {
                List<Entry> batch = new ArrayList<>(unwritten);
                for (Entry e; batch.size() < BATCH && (e = queue.poll()) != null; ) {
                    batch.add(e);
                }
                if (batch.isEmpty()) {
                    return written;
                }
                unwritten = batch;
                trail.writeBatch(batch);
                unwritten = List.of();
                queued.addAndGet(-batch.size());
                written += batch.size();
            }
        } finally {
            writing.unlock();
        }
    }

    void tick() {
        try {
            flush();
        } catch (RuntimeException e) {
            // the writer must outlive a failing database; the next tick tries again
            LOG.log(Level.WARNING, "Could not append " + queued.get() + " queued audit entries", e);
        }
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.cancel(false);
        }
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Lost " + queued.get() + " queued audit entries at shutdown", e);
        }
    }
}
