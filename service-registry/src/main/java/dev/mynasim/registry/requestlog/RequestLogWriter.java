package dev.mynasim.registry.requestlog;

import dev.mynasim.registry.api.RequestLog.Seen;
import dev.mynasim.registry.api.SchemaMigrated;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The request log's one writer per node: requests queue what they saw and go on; every quarter second the queue is
 * diagnosed, redacted and written in batches. The queue is bounded: beyond it new entries are dropped and counted
 * in the server log (the log is a diagnostic aid and must never slow the data path or fill the memory); what is
 * queued at shutdown is written then, a crash loses the last quarter second.
 */
@ApplicationScoped
public class RequestLogWriter {

    static final long EVERY_MILLIS = 250;
    static final int BATCH = 200;
    static final int BOUND = 10_000;
    private static final Logger LOG = Logger.getLogger(RequestLogWriter.class.getName());

    private final ConcurrentLinkedQueue<Seen> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong dropped = new AtomicLong();
    private final ReentrantLock writing = new ReentrantLock();

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RequestLogStore store;

    private ScheduledFuture<?> writer;

    void start(@Observes @Priority(400) SchemaMigrated migrated) {
        writer = scheduler.scheduleWithFixedDelay(this::tick, EVERY_MILLIS, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    void add(Seen seen) {
        if (queued.incrementAndGet() > BOUND) {
            queued.decrementAndGet();
            dropped.incrementAndGet();
            return;
        }
        queue.add(seen);
    }

    /** Writes everything queued so far; a batch the database refuses is logged and dropped. */
    void flush() {
        writing.lock();
        try {
            while (true) {
                List<Seen> batch = new ArrayList<>();
                for (Seen s; batch.size() < BATCH && (s = queue.poll()) != null; ) {
                    batch.add(s);
                }
                if (batch.isEmpty()) {
                    break;
                }
                queued.addAndGet(-batch.size());
                try {
                    store.write(batch);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Could not write " + batch.size() + " request log entries", e);
                }
            }
            long lost = dropped.getAndSet(0);
            if (lost > 0) {
                LOG.warning("The request log queue was full: " + lost + " entries were not kept");
            }
        } finally {
            writing.unlock();
        }
    }

    void tick() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The request log writer failed; it tries again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.cancel(false);
        }
        flush();
    }
}
