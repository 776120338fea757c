package dev.mynasim.registry.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditRecordTest {

    private static final Instant AT = Instant.parse("2026-04-01T00:00:00Z");

    /** The fields of one record, so a test can change exactly one of them. */
    private record Fields(long seq, Instant at, String actor, String action, String subjectId, String detail,
                          String prevHash) {
        AuditRecord record() {
            return new AuditRecord(seq, at, actor, action, subjectId, detail, prevHash);
        }
    }

    private static final Fields FIRST = new Fields(1, AT, "operator", "service.register", "test/SP00000001_AA0001",
            "apis=self-info", AuditRecord.GENESIS);

    @Test
    void chainStartsFromSixtyFourZeros() {
        assertThat(AuditRecord.GENESIS).hasSize(64).matches("0{64}");
    }

    @Test
    void hashIsSha256InLowerCaseHex() {
        assertThat(FIRST.record().hash()).hasSize(64).matches("[0-9a-f]{64}");
    }

    /**
     * Pins the canonical form (previous hash, seq, epoch millis, actor, action, subject, detail, each as
     * length:value, computed independently with Python's hashlib):
     * a stored chain must still verify after an upgrade.
     */
    @Test
    void hashOfAKnownRecordStaysTheSame() {
        assertThat(FIRST.record().hash())
                .isEqualTo("da2fff293eb57b932e7176c5b97542c700ee5f640447e6794520d10032ef938c");
    }

    @Test
    void recomputingTheHashOfAnUnchangedRecordGivesTheStoredHash() {
        AuditRecord record = FIRST.record();

        assertThat(record.computeHash()).isEqualTo(record.hash());
        assertThat(FIRST.record().hash()).isEqualTo(record.hash());
    }

    @Test
    void recordKeepsWhatItWasGiven() {
        AuditRecord record = FIRST.record();

        assertThat(record.seq()).isEqualTo(1);
        assertThat(record.at()).isEqualTo(AT);
        assertThat(record.actor()).isEqualTo("operator");
        assertThat(record.action()).isEqualTo("service.register");
        assertThat(record.subjectId()).isEqualTo("test/SP00000001_AA0001");
        assertThat(record.detail()).isEqualTo("apis=self-info");
        assertThat(record.prevHash()).isEqualTo(AuditRecord.GENESIS);
    }

    static Stream<Arguments> oneFieldChanged() {
        return Stream.of(
                change("seq", f -> new Fields(2, f.at, f.actor, f.action, f.subjectId, f.detail, f.prevHash)),
                change("time", f -> new Fields(f.seq, f.at.plusMillis(1), f.actor, f.action, f.subjectId, f.detail,
                        f.prevHash)),
                change("actor", f -> new Fields(f.seq, f.at, "operator2", f.action, f.subjectId, f.detail,
                        f.prevHash)),
                change("action", f -> new Fields(f.seq, f.at, f.actor, "service.change", f.subjectId, f.detail,
                        f.prevHash)),
                change("subject", f -> new Fields(f.seq, f.at, f.actor, f.action, "test/SP00000001_AA0002",
                        f.detail, f.prevHash)),
                change("detail", f -> new Fields(f.seq, f.at, f.actor, f.action, f.subjectId, "apis=notices",
                        f.prevHash)),
                change("detail removed", f -> new Fields(f.seq, f.at, f.actor, f.action, f.subjectId, null,
                        f.prevHash)),
                change("previous hash", f -> new Fields(f.seq, f.at, f.actor, f.action, f.subjectId, f.detail,
                        "1" + AuditRecord.GENESIS.substring(1))));
    }

    private static Arguments change(String field, UnaryOperator<Fields> change) {
        return Arguments.of(Named.of(field, change));
    }

    @ParameterizedTest(name = "changing the {0} changes the hash")
    @MethodSource("oneFieldChanged")
    void hashCoversEveryFieldAndThePreviousHash(UnaryOperator<Fields> change) {
        AuditRecord original = FIRST.record();
        AuditRecord changed = change.apply(FIRST).record();

        assertThat(changed.hash()).isNotEqualTo(original.hash());
    }

    @Test
    void nextRecordChainsOnThePreviousHash() {
        AuditRecord first = FIRST.record();
        AuditRecord second = new AuditRecord(2, AT.plusSeconds(1), "operator", "group.declare", "test/SP00000001/G0001",
                "members=AA0001,AA0002", first.hash());
        AuditRecord secondAfterForgedFirst = new AuditRecord(2, AT.plusSeconds(1), "operator", "group.declare",
                "test/SP00000001/G0001", "members=AA0001,AA0002",
                new Fields(1, AT, "operator", "service.register", "test/SP00000001_AA0001", "apis=notices",
                        AuditRecord.GENESIS).record().hash());

        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.hash()).isNotEqualTo(secondAfterForgedFirst.hash());
    }

    @Test
    void textMovedFromOneFieldIntoTheNextChangesTheHash() {
        AuditRecord honest = new AuditRecord(1, AT, "operator", "x", "alice", "role=x\u001fy", AuditRecord.GENESIS);
        AuditRecord shifted = new AuditRecord(1, AT, "operator", "x", "alice\u001frole=x", "y", AuditRecord.GENESIS);

        assertThat(shifted.hash()).isNotEqualTo(honest.hash());
    }

    @Test
    void aMissingDetailAndAnEmptyDetailHashDifferently() {
        assertThat(new AuditRecord(1, AT, "operator", "x", "s", null, AuditRecord.GENESIS).hash())
                .isNotEqualTo(new AuditRecord(1, AT, "operator", "x", "s", "", AuditRecord.GENESIS).hash());
    }
}
