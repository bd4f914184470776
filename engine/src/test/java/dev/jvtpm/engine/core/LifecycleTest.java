package dev.jvtpm.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.Tpm;
import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.BlobKind;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.testing.TpmHarness.ClockInfo;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Part 1 "TPM Operational States" and Part 3 §9: _TPM_Init, Startup/Shutdown (Reset, Restart,
 * Resume), the PC Client PCR initial values, DRTM and H-CRTM, and the volatile state blob.
 */
class LifecycleTest {
    private static final int CLEAR = 0;
    private static final int STATE = 1;
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

    private static TpmHarness fresh() {
        return new TpmHarness(TpmConfig.builder().stateStore(new InMemoryStateStore()).build());
    }

    private static void cycle(TpmHarness h, int shutdown, int startup) {
        if (shutdown >= 0) {
            h.ok(h.call(Commands.shutdown(shutdown)));
        }
        h.powerCycle();
        h.ok(h.call(Commands.startup(startup)));
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    static byte[] ones(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    @Test
    void resetRestartAndResumeCounters() {
        TpmHarness h = fresh();
        h.powerOn();
        h.ok(h.call(Commands.startup(CLEAR)));
        ClockInfo c = h.readClock();
        assertThat(c.resetCount()).isEqualTo(1);
        assertThat(c.restartCount()).isZero();
        assertThat(c.safe()).isTrue();

        cycle(h, CLEAR, CLEAR); // TPM Reset
        c = h.readClock();
        assertThat(c.resetCount()).isEqualTo(2);
        assertThat(c.restartCount()).isZero();

        cycle(h, STATE, CLEAR); // TPM Restart
        c = h.readClock();
        assertThat(c.resetCount()).isEqualTo(2);
        assertThat(c.restartCount()).isEqualTo(1);

        cycle(h, STATE, STATE); // TPM Resume
        c = h.readClock();
        assertThat(c.resetCount()).isEqualTo(2);
        assertThat(c.restartCount()).isEqualTo(2);
        assertThat(c.safe()).isTrue();

        cycle(h, -1, CLEAR); // no Shutdown: a TPM Reset with Clock not safe
        c = h.readClock();
        assertThat(c.resetCount()).isEqualTo(3);
        assertThat(c.restartCount()).isZero();
        assertThat(c.safe()).isFalse();
    }

    @Test
    void resumeRestoresPcrs0To15AndRestartResetsThem() {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.pcrEvent(5, HELLO)));
        h.ok(h.call(Commands.pcrEvent(16, HELLO)));
        byte[] pcr5 = h.pcr(TpmAlgId.SHA256, 5);
        byte[] pcr5sha1 = h.pcr(TpmAlgId.SHA1, 5);
        cycle(h, STATE, STATE);
        assertThat(h.pcr(TpmAlgId.SHA256, 5)).isEqualTo(pcr5);
        assertThat(h.pcr(TpmAlgId.SHA1, 5)).isEqualTo(pcr5sha1);
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).as("PCR 16 is not state-saved").isEqualTo(new byte[32]);
        cycle(h, STATE, CLEAR);
        assertThat(h.pcr(TpmAlgId.SHA256, 5)).isEqualTo(new byte[32]);
    }

    @Test
    void startupValuesOfThePcClientPcrs() {
        TpmHarness h = TpmHarness.started();
        for (int pcr = 17; pcr <= 22; pcr++) {
            assertThat(h.pcr(TpmAlgId.SHA256, pcr)).isEqualTo(ones(32));
            assertThat(h.pcr(TpmAlgId.SHA1, pcr)).isEqualTo(ones(20));
        }
        assertThat(h.pcr(TpmAlgId.SHA256, 16)).isEqualTo(new byte[32]);
        assertThat(h.pcr(TpmAlgId.SHA256, 23)).isEqualTo(new byte[32]);
        assertThat(h.pcr(TpmAlgId.SHA256, 0)).isEqualTo(new byte[32]);
    }

    @Test
    void startupAtLocality3MarksPcr0AndResumeNeedsTheSameLocality() {
        TpmHarness h = fresh();
        h.powerOn();
        assertThat(h.locality(1).rc(Commands.startup(CLEAR))).isEqualTo(0x907);
        h.locality(3).ok(h.call(Commands.startup(CLEAR)));
        byte[] expected = new byte[32];
        expected[31] = 3;
        assertThat(h.pcr(TpmAlgId.SHA256, 0)).isEqualTo(expected);
        h.ok(h.call(Commands.shutdown(STATE)));
        h.powerCycle();
        assertThat(h.locality(0).rc(Commands.startup(STATE))).isEqualTo(0x907);
        assertThat(h.locality(3).rc(Commands.startup(STATE))).isZero();
    }

    @Test
    void startupStateNeedsAShutdownState() {
        TpmHarness h = fresh();
        h.powerOn();
        assertThat(h.rc(Commands.startup(STATE))).isEqualTo(0x1C4);
        h.ok(h.call(Commands.startup(CLEAR)));
        h.ok(h.call(Commands.shutdown(CLEAR)));
        h.powerCycle();
        assertThat(h.rc(Commands.startup(STATE))).isEqualTo(0x1C4);
        assertThat(h.rc(Commands.startup(CLEAR))).isZero();
        assertThat(h.rc(Commands.startup(CLEAR))).isEqualTo(0x100);
    }

    @Test
    void extendingAStateSavedPcrAfterShutdownStateMakesItNonOrderly() {
        TpmHarness h = TpmHarness.started();
        h.ok(h.call(Commands.shutdown(STATE)));
        h.ok(h.call(Commands.pcrEvent(16, HELLO))); // not state-saved: still orderly
        h.powerCycle();
        assertThat(h.rc(Commands.startup(STATE))).isZero();
        h.ok(h.call(Commands.shutdown(STATE)));
        h.ok(h.call(Commands.pcrExtend(0, TpmAlgId.SHA256, new byte[32])));
        h.powerCycle();
        assertThat(h.rc(Commands.startup(STATE))).isEqualTo(0x1C4);
        h.ok(h.call(Commands.startup(CLEAR)));
        assertThat(h.readClock().safe()).isFalse();
    }

    @Test
    void drtmSequenceAtLocality4() throws Exception {
        TpmHarness h = TpmHarness.started();
        Tpm tpm = h.tpm();
        int restarts = h.readClock().restartCount();
        int counter = h.pcrUpdateCounter();
        h.locality(4);
        tpm.hashStart();
        tpm.hashData(HELLO);
        tpm.hashEnd();
        h.locality(0);
        assertThat(h.pcr(TpmAlgId.SHA256, 17)).isEqualTo(sha256(new byte[32], sha256(HELLO)));
        assertThat(h.pcr(TpmAlgId.SHA256, 18)).isEqualTo(new byte[32]);
        assertThat(h.pcr(TpmAlgId.SHA256, 22)).isEqualTo(new byte[32]);
        assertThat(h.pcr(TpmAlgId.SHA256, 23)).isEqualTo(new byte[32]);
        assertThat(tpm.tpmEstablished()).isTrue();
        assertThat(h.readClock().restartCount()).isEqualTo(restarts + 1);
        // Resets of 17-22 are not counted; the extend of PCR 17 counts once per bank.
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter + 4);
    }

    @Test
    void anyCommandAbortsADrtmSequence() {
        TpmHarness h = TpmHarness.started();
        h.tpm().hashStart();
        h.tpm().hashData(HELLO);
        h.ok(h.call(Commands.getRandom(1)));
        h.tpm().hashEnd();
        assertThat(h.pcr(TpmAlgId.SHA256, 17)).isEqualTo(ones(32));
    }

    @Test
    void drtmSequenceTakesAnObjectSlotEvictingTheFirstWhenFull() throws Exception {
        TpmHarness h = TpmHarness.started();
        for (int i = 0; i < 3; i++) {
            h.ok(h.call(Commands.hashSequenceStart(new byte[0], TpmAlgId.SHA256)));
        }
        h.tpm().hashStart();
        h.tpm().hashEnd();
        assertThat(h.rc(Commands.sequenceUpdate(0x80000000, new byte[0], HELLO))).isEqualTo(0x910);
        assertThat(h.rc(Commands.sequenceUpdate(0x80000001, new byte[0], HELLO))).isZero();
        assertThat(h.rc(Commands.hashSequenceStart(new byte[0], TpmAlgId.SHA256))).isZero();
    }

    @Test
    void hcrtmBeforeStartupSetsPcr0AndMustMatchOnResume() throws Exception {
        TpmHarness h = fresh();
        h.powerOn();
        h.tpm().hashStart();
        h.tpm().hashData(HELLO);
        h.tpm().hashEnd();
        h.ok(h.call(Commands.startup(CLEAR)));
        byte[] four = new byte[32];
        four[31] = 4;
        assertThat(h.pcr(TpmAlgId.SHA256, 0)).isEqualTo(sha256(four, sha256(HELLO)));
        assertThat(h.pcr(TpmAlgId.SHA256, 17)).isEqualTo(ones(32));
        h.ok(h.call(Commands.shutdown(STATE)));
        h.powerCycle();
        assertThat(h.rc(Commands.startup(STATE))).as("no H-CRTM this time").isEqualTo(0x1C4);
    }

    @Test
    void volatileBlobCarriesPcrsCountersAndRunningSequences() throws Exception {
        InMemoryStateStore storeA = new InMemoryStateStore();
        TpmHarness a = TpmHarness.started(TpmConfig.builder().stateStore(storeA).build());
        a.ok(a.call(Commands.pcrEvent(7, HELLO)));
        a.ok(a.call(Commands.pcrEvent(16, HELLO)));
        a.ok(a.call(Commands.hierarchyChangeAuth(TpmHandles.RH_PLATFORM, new byte[0], HELLO)));
        int seq = a.ok(a.call(Commands.hashSequenceStart(HELLO, TpmAlgId.SHA384))).body().u32();
        a.ok(a.call(Commands.sequenceUpdate(seq, HELLO, "part one, ".getBytes(StandardCharsets.US_ASCII))));
        int event = a.ok(a.call(Commands.hashSequenceStart(new byte[0], TpmAlgId.NULL))).body().u32();
        a.ok(a.call(Commands.sequenceUpdate(event, new byte[0], HELLO)));

        byte[] permanent = a.tpm().getStateBlob(BlobKind.PERMANENT, true).orElseThrow();
        byte[] volatileBlob = a.tpm().getStateBlob(BlobKind.VOLATILE, true).orElseThrow();

        TpmHarness b = new TpmHarness(TpmConfig.builder().stateStore(new InMemoryStateStore()).build());
        b.tpm().setStateBlob(BlobKind.PERMANENT, permanent, false);
        b.tpm().setStateBlob(BlobKind.VOLATILE, volatileBlob, false);
        b.powerOn();
        assertThat(b.tpm().isStarted()).as("resumed without Startup").isTrue();
        for (int pcr : new int[] {0, 7, 16, 17}) {
            assertThat(b.pcr(TpmAlgId.SHA256, pcr)).isEqualTo(a.pcr(TpmAlgId.SHA256, pcr));
            assertThat(b.pcr(TpmAlgId.SHA512, pcr)).isEqualTo(a.pcr(TpmAlgId.SHA512, pcr));
        }
        assertThat(b.pcrUpdateCounter()).isEqualTo(a.pcrUpdateCounter());
        ClockInfo ca = a.readClock();
        ClockInfo cb = b.readClock();
        assertThat(cb.resetCount()).isEqualTo(ca.resetCount());
        assertThat(cb.restartCount()).isEqualTo(ca.restartCount());
        assertThat(cb.clock()).isGreaterThanOrEqualTo(ca.clock() - 1000);
        assertThat(b.rc(Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, HELLO, 0))).as("platformAuth kept").isZero();

        // Both sequences continue where they were, on both TPMs, to the same digests.
        byte[] rest = "part two".getBytes(StandardCharsets.US_ASCII);
        byte[] fromA = a.ok(a.call(Commands.sequenceComplete(seq, HELLO, rest, TpmHandles.RH_NULL))).parameters(0)
                .tpm2b(64);
        byte[] fromB = b.ok(b.call(Commands.sequenceComplete(seq, HELLO, rest, TpmHandles.RH_NULL))).parameters(0)
                .tpm2b(64);
        assertThat(fromB).isEqualTo(fromA)
                .isEqualTo(MessageDigest.getInstance("SHA-384").digest("part one, part two".getBytes(StandardCharsets.US_ASCII)));
        byte[] eventA = a.ok(a.call(Commands.eventSequenceComplete(10, event, new byte[0], HELLO))).parameters(0).rest();
        byte[] eventB = b.ok(b.call(Commands.eventSequenceComplete(10, event, new byte[0], HELLO))).parameters(0).rest();
        assertThat(eventB).isEqualTo(eventA);
        assertThat(b.pcr(TpmAlgId.SHA1, 10)).isEqualTo(a.pcr(TpmAlgId.SHA1, 10));
    }

    @Test
    void storeVolatileThenInitResumesAndDeleteVolatileForgetsIt() throws Exception {
        InMemoryStateStore store = new InMemoryStateStore();
        TpmHarness h = TpmHarness.started(TpmConfig.builder().stateStore(store).build());
        h.ok(h.call(Commands.pcrEvent(3, HELLO)));
        byte[] pcr3 = h.pcr(TpmAlgId.SHA256, 3);
        h.tpm().storeVolatile();
        h.tpm().init(true);
        assertThat(h.pcr(TpmAlgId.SHA256, 3)).isEqualTo(pcr3);
        h.tpm().init(false);
        assertThat(h.rc(Commands.getRandom(1))).as("volatile state was deleted: needs Startup").isEqualTo(0x100);
    }
}
