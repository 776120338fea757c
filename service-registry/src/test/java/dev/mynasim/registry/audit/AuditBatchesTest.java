package dev.mynasim.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditBatchesTest {

    /** The trail's batch append, recorded; it can be told to refuse the next write like a failing database. */
    static final class RecordingTrail extends HashChainedAuditTrail {
        final List<List<String>> batches = new ArrayList<>();
        boolean refuseNext;

        @Override
        public void writeBatch(List<AuditBatches.Entry> entries) {
            if (refuseNext) {
                refuseNext = false;
                throw new IllegalStateException("database unavailable");
            }
            batches.add(entries.stream().map(AuditBatches.Entry::subjectId).toList());
        }

        List<String> written() {
            return batches.stream().flatMap(List::stream).toList();
        }
    }

    private final RecordingTrail trail = new RecordingTrail();
    private final AuditBatches batches = new AuditBatches();

    {
        batches.trail = trail;
    }

    private void add(int from, int to) {
        for (int i = from; i < to; i++) {
            batches.add(new AuditBatches.Entry(Instant.EPOCH, "client:x", "data.view", "s" + i, null));
        }
    }

    private static List<String> subjects(int from, int to) {
        List<String> subjects = new ArrayList<>();
        for (int i = from; i < to; i++) {
            subjects.add("s" + i);
        }
        return subjects;
    }

    @Test
    void queuedEntriesAreWrittenInOrderInBatchesOfAtMostFiveHundred() {
        add(0, 1_200);

        assertThat(batches.flush()).isEqualTo(1_200);

        assertThat(trail.batches).extracting(List::size).containsExactly(500, 500, 200);
        assertThat(trail.written()).isEqualTo(subjects(0, 1_200));
        assertThat(batches.flush()).as("nothing left").isZero();
    }

    @Test
    void aBatchTheDatabaseRefusedIsWrittenFirstNextTimeAndNothingIsLost() {
        add(0, 3);
        trail.refuseNext = true;

        assertThatThrownBy(batches::flush).hasMessage("database unavailable");
        trail.refuseNext = true;
        batches.tick(); // the writer's tick logs the failure and lives on
        add(3, 5);

        assertThat(trail.written()).isEmpty();
        assertThat(batches.flush()).isEqualTo(5);
        assertThat(trail.written()).isEqualTo(subjects(0, 5));
    }

    @Test
    void aCallerThatFindsTheQueueFullWritesItItself() {
        add(0, AuditBatches.BOUND);
        assertThat(trail.batches).as("up to the bound, calls only queue").isEmpty();

        add(AuditBatches.BOUND, AuditBatches.BOUND + 1);

        assertThat(trail.written()).isEqualTo(subjects(0, AuditBatches.BOUND + 1));
    }
}
