package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.command.capability.Algorithms;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Tier 0 commands in realistic sequences against swtpm 0.7.1: PCR values and pcrUpdateCounter,
 * hash and sequence digests, ticket structure (ticket digests differ because the proofs differ;
 * jvtpm's are recomputed from its proof), lifecycle counters, DRTM, self-test lists, hierarchy
 * control and PCR allocation.
 */
class CommandsDifferentialTest extends DifferentialFixture {
    private static final byte[] NONE = new byte[0];
    private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
    private static final int ALL_PCRS = 0xFFFFFF;
    private static final int[] BANKS = {TpmAlgId.SHA1, TpmAlgId.SHA256, TpmAlgId.SHA384, TpmAlgId.SHA512};

    /** PCR_Read of every PCR of every bank (8 per read), which also compares pcrUpdateCounter. */
    private void samePcrs(String when) {
        for (int bank : BANKS) {
            for (int first = 0; first < 24; first += 8) {
                d.same(when + ": PCR_Read bank " + bank + " from " + first,
                        Commands.pcrRead(bank, ALL_PCRS & ~((1 << first) - 1)));
            }
        }
    }

    @Test
    void pcrValuesAndUpdateCounterThroughExtendEventAndReset() {
        samePcrs("after Startup");
        for (int pcr : new int[] {0, 7, 10, 16, 23}) {
            for (int bank : BANKS) {
                byte[] digest = new byte[bank == TpmAlgId.SHA1 ? 20 : bank == TpmAlgId.SHA256 ? 32
                        : bank == TpmAlgId.SHA384 ? 48 : 64];
                Arrays.fill(digest, (byte) (pcr + bank));
                d.same("PCR_Extend " + pcr, Commands.pcrExtend(pcr, bank, digest));
            }
            d.same("PCR_Event " + pcr, Commands.pcrEvent(pcr, HELLO));
        }
        d.same("PCR_Event 1024 bytes", Commands.pcrEvent(12, new byte[1024]));
        d.same("PCR_Reset 16", Commands.pcrReset(16));
        d.same("PCR_Reset 23", Commands.pcrReset(23));
        for (int loc = 1; loc <= 4; loc++) {
            d.locality(loc);
            for (int pcr = 16; pcr < 24; pcr++) {
                d.same("locality " + loc + " PCR_Event " + pcr, Commands.pcrEvent(pcr, new byte[] {(byte) pcr}));
                d.same("locality " + loc + " PCR_Reset " + pcr, Commands.pcrReset(pcr));
            }
        }
        d.locality(0);
        samePcrs("after extends, events and resets");
        d.same("StirRandom", Commands.stirRandom(HELLO));
        d.sameCode("GetRandom", Commands.getRandom(32));
    }

    // ---- hashing and tickets ----

    /** A parsed Hash/SequenceComplete response: digest, ticket and whatever follows. */
    record Ticketed(byte[] digest, int tag, int hierarchy, byte[] ticket, byte[] rest) {
        static Ticketed parse(byte[] rsp) throws TpmException {
            TpmReader r = new TpmReader(rsp, 10, rsp.length - 10);
            if (((rsp[0] & 0xFF) << 8 | (rsp[1] & 0xFF)) == TpmSt.SESSIONS) {
                r.u32();
            }
            return new Ticketed(r.tpm2b(64), r.u16(), r.u32(), r.tpm2b(64), r.rest());
        }
    }

    /**
     * Same digest and ticket structure as swtpm; ticket digests both 64 bytes (or both empty),
     * jvtpm's equal to HMAC-SHA512(proof, TPM_ST_HASHCHECK ‖ hashAlg ‖ digest) with its proof.
     */
    private Ticketed sameTicketed(String what, byte[] cmd, int hashAlg) throws Exception {
        Differential.Pair p = d.sameCode(what, cmd);
        if (p.subjectRc() != 0) {
            return null;
        }
        Ticketed ref = Ticketed.parse(p.reference());
        Ticketed sub = Ticketed.parse(p.subject());
        assertThat(sub.digest()).as(what + ": digest").isEqualTo(ref.digest());
        assertThat(sub.tag()).as(what + ": ticket tag").isEqualTo(ref.tag()).isEqualTo(TpmSt.HASHCHECK);
        assertThat(sub.hierarchy()).as(what + ": ticket hierarchy").isEqualTo(ref.hierarchy());
        assertThat(sub.ticket()).as(what + ": ticket size").hasSameSizeAs(ref.ticket());
        assertThat(sub.rest()).as(what + ": response sessions").isEqualTo(ref.rest());
        if (sub.hierarchy() == TpmHandles.RH_NULL) {
            assertThat(sub.ticket()).isEmpty();
        } else {
            byte[] proof = d.subject().proof(sub.hierarchy()).orElseThrow();
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(proof, "HmacSHA512"));
            mac.update(new byte[] {(byte) 0x80, 0x24, (byte) (hashAlg >> 8), (byte) hashAlg});
            assertThat(sub.ticket()).as(what + ": jvtpm ticket digest").isEqualTo(mac.doFinal(sub.digest()));
        }
        return sub;
    }

    @Test
    void hashDigestsAndTickets() throws Exception {
        byte[][] inputs = {NONE, {1}, {(byte) 0xFF, 0x54, 0x43}, {(byte) 0xFF, 0x54, 0x43, 0x47},
            {(byte) 0xFF, 0x54, 0x43, 0x48}, HELLO, new byte[1024]};
        int[] hierarchies = {TpmHandles.RH_NULL, TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM};
        for (byte[] data : inputs) {
            for (int bank : BANKS) {
                for (int hierarchy : hierarchies) {
                    sameTicketed(String.format("Hash %d bytes alg %x hierarchy %x", data.length, bank, hierarchy),
                            Commands.hash(data, bank, hierarchy), bank);
                }
            }
        }
        // A disabled hierarchy still gets its ticket (the reference does not check).
        d.same("disable owner", Commands.hierarchyControl(TpmHandles.RH_OWNER, NONE, TpmHandles.RH_OWNER, false));
        sameTicketed("Hash for a disabled owner hierarchy", Commands.hash(HELLO, TpmAlgId.SHA256, TpmHandles.RH_OWNER),
                TpmAlgId.SHA256);
    }

    @Test
    void hashSequencesDigestsAndTickets() throws Exception {
        byte[][][] scripts = {
            {},                                  // complete only
            {NONE},                              // empty first block: never ticketed
            {{1, 2}, HELLO},                     // short first block
            {HELLO, {(byte) 0xFF, 0x54, 0x43, 0x47}},
            {{(byte) 0xFF, 0x54, 0x43, 0x47, 1}, HELLO},
            {new byte[1024], new byte[1024], NONE, HELLO},
        };
        byte[][] lasts = {NONE, {7}, HELLO, {(byte) 0xFF, 0x54, 0x43, 0x47}};
        byte[] pw = "sequence".getBytes(StandardCharsets.US_ASCII);
        for (byte[][] updates : scripts) {
            for (byte[] last : lasts) {
                for (int bank : BANKS) {
                    for (int hierarchy : new int[] {TpmHandles.RH_NULL, TpmHandles.RH_PLATFORM}) {
                        d.same("HashSequenceStart", Commands.hashSequenceStart(pw, bank));
                        for (byte[] u : updates) {
                            d.same("SequenceUpdate " + u.length, Commands.sequenceUpdate(0x80000000, pw, u));
                        }
                        sameTicketed(String.format("SequenceComplete after %d updates, last %d bytes, alg %x, %x",
                                updates.length, last.length, bank, hierarchy),
                                Commands.sequenceComplete(0x80000000, pw, last, hierarchy), bank);
                    }
                }
            }
        }
    }

    @Test
    void eventSequencesAndObjectSlots() {
        byte[] pw = HELLO;
        d.same("event sequence", Commands.hashSequenceStart(pw, TpmAlgId.NULL));
        d.same("hash sequence", Commands.hashSequenceStart(NONE, TpmAlgId.SHA384));
        d.same("event sequence", Commands.hashSequenceStart(NONE, TpmAlgId.NULL));
        d.same("fourth: TPM_RC_OBJECT_MEMORY", Commands.hashSequenceStart(NONE, TpmAlgId.SHA1));
        d.same("handles", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
        d.same("transient avail", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.HR_TRANSIENT_AVAIL, 1));
        d.same("wrong password", Commands.sequenceUpdate(0x80000000, NONE, HELLO));
        d.same("update", Commands.sequenceUpdate(0x80000000, pw, HELLO));
        d.same("update", Commands.sequenceUpdate(0x80000000, pw, new byte[1024]));
        d.same("SequenceComplete on an event sequence: TPM_RC_MODE", Commands.sequenceComplete(0x80000000, pw, NONE,
                TpmHandles.RH_NULL));
        d.same("EventSequenceComplete on a hash sequence: TPM_RC_MODE", Commands.eventSequenceComplete(16, 0x80000001,
                NONE, NONE));
        d.same("EventSequenceComplete into PCR 17 at locality 0", Commands.eventSequenceComplete(17, 0x80000000, pw,
                HELLO));
        d.same("EventSequenceComplete into PCR 10", Commands.eventSequenceComplete(10, 0x80000000, pw, HELLO));
        d.same("EventSequenceComplete into NULL", Commands.eventSequenceComplete(TpmHandles.RH_NULL, 0x80000002,
                NONE, NONE));
        d.same("handles", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
        d.same("FlushContext", Commands.flushContext(0x80000001));
        d.same("FlushContext again", Commands.flushContext(0x80000001));
        d.same("handles", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
        d.same("slot reused", Commands.hashSequenceStart(NONE, TpmAlgId.SHA512));
        d.same("slot reused", Commands.hashSequenceStart(NONE, TpmAlgId.SHA512));
        samePcrs("after event sequences");
        // The DRTM sequence takes a slot; with all three taken it evicts the first.
        d.same("fill", Commands.hashSequenceStart(NONE, TpmAlgId.SHA256));
        d.locality(4);
        d.hashStart();
        d.hashData(HELLO);
        d.hashEnd();
        d.locality(0);
        d.same("handles after DRTM", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
        d.same("evicted", Commands.sequenceUpdate(0x80000000, NONE, HELLO));
        samePcrs("after DRTM");
    }

    // ---- lifecycle ----

    /** ReadClock: same code; same resetCount, restartCount and safe (time and clock run on their own). */
    private void sameClockInfo(String what) throws Exception {
        Differential.Pair p = d.sameCode(what, Commands.readClock());
        TpmReader ref = new TpmReader(p.reference(), 26, p.reference().length - 26);
        TpmReader sub = new TpmReader(p.subject(), 26, p.subject().length - 26);
        assertThat(sub.rest()).as(what + ": resetCount, restartCount, safe").isEqualTo(ref.rest());
    }

    @Test
    void resetRestartResumeAndOrderlyState() throws Exception {
        sameClockInfo("after first Startup");
        d.same("PCR_Event 5", Commands.pcrEvent(5, HELLO));
        d.same("PCR_Event 16", Commands.pcrEvent(16, HELLO));
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE): Resume", Commands.startup(1));
        sameClockInfo("after Resume");
        samePcrs("after Resume");
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(CLEAR): Restart", Commands.startup(0));
        sameClockInfo("after Restart");
        samePcrs("after Restart");
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(STATE) after Shutdown(CLEAR)", Commands.startup(1));
        d.same("Startup(CLEAR): Reset", Commands.startup(0));
        sameClockInfo("after Reset");
        d.powerCycle();
        d.same("Startup(CLEAR) without Shutdown", Commands.startup(0));
        sameClockInfo("after an unclean Reset");
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.same("HierarchyControl after Shutdown(STATE)",
                Commands.hierarchyControl(TpmHandles.RH_PLATFORM, NONE, TpmHandles.RH_ENDORSEMENT, false));
        d.powerCycle();
        d.same("Startup(STATE): no longer orderly", Commands.startup(1));
        d.same("Startup(CLEAR)", Commands.startup(0));
        d.same("startup clear attributes", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.PERMANENT, 2));
        d.locality(3);
        d.same("Shutdown(STATE) at locality 3", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE) at locality 3 after Startup at 0", Commands.startup(1));
        d.locality(0);
        d.same("Startup(STATE) at locality 0", Commands.startup(1));
        sameClockInfo("after a Resume");
    }

    @Test
    void hcrtmAndDrtm() throws Exception {
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.hashStart();
        d.hashData(HELLO);
        d.hashData(new byte[5000]);
        d.hashEnd();
        d.same("Startup after H-CRTM", Commands.startup(0));
        samePcrs("after H-CRTM");
        for (int i = 0; i < 2; i++) {
            d.locality(4);
            d.hashStart();
            d.hashData(HELLO);
            d.hashEnd();
            d.locality(0);
            samePcrs("after DRTM " + i);
            sameClockInfo("after DRTM " + i);
        }
        d.hashStart();
        d.hashEnd();
        samePcrs("after an empty DRTM at locality 0");
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE) without the H-CRTM", Commands.startup(1));
    }

    @Test
    void storedVolatileStateIsResumedByEveryInit() throws Exception {
        byte[] pw = HELLO;
        d.same("PCR_Event", Commands.pcrEvent(4, HELLO));
        d.same("PCR_Event", Commands.pcrEvent(20, HELLO));
        d.same("hash sequence", Commands.hashSequenceStart(pw, TpmAlgId.SHA384));
        d.same("update", Commands.sequenceUpdate(0x80000000, pw, new byte[100]));
        d.same("event sequence", Commands.hashSequenceStart(NONE, TpmAlgId.NULL));
        d.same("update", Commands.sequenceUpdate(0x80000001, NONE, HELLO));
        d.same("platform auth", Commands.hierarchyChangeAuth(TpmHandles.RH_PLATFORM, NONE, pw));
        d.storeVolatile();
        d.same("after the store", Commands.pcrEvent(4, new byte[] {1}));
        d.powerCycle();
        samePcrs("resumed from the volatile state");
        sameClockInfo("resumed from the volatile state");
        d.same("handles", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
        d.same("Startup is not needed: TPM_RC_INITIALIZE", Commands.startup(0));
        d.same("platform auth kept", Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, pw, 0));
        d.same("update", Commands.sequenceUpdate(0x80000000, pw, HELLO));
        sameTicketed("complete the resumed hash sequence",
                Commands.sequenceComplete(0x80000000, pw, HELLO, TpmHandles.RH_NULL), TpmAlgId.SHA384);
        d.same("complete the resumed event sequence", Commands.eventSequenceComplete(5, 0x80000001, NONE, HELLO));
        samePcrs("after completing resumed sequences");
        d.powerCycle();
        samePcrs("the stored volatile state again");
        d.same("handles again", Commands.getCapability(TpmCap.HANDLES, 0x80000000, 10));
    }

    // ---- self-test ----

    /** toDoList of IncrementalSelfTest(algs): jvtpm's must be swtpm's restricted to what jvtpm implements. */
    private void sameToDo(String what, int... algs) throws Exception {
        Differential.Pair p = d.both(Commands.incrementalSelfTest(algs));
        assertThat(p.subjectRc()).as(what).isEqualTo(p.referenceRc()).isZero();
        List<Integer> ref = algList(p.reference());
        ref.removeIf(a -> !Algorithms.isImplemented(a));
        assertThat(algList(p.subject())).as(what).isEqualTo(ref);
    }

    private static List<Integer> algList(byte[] rsp) throws TpmException {
        TpmReader r = new TpmReader(rsp, 10, rsp.length - 10);
        List<Integer> out = new ArrayList<>();
        for (int n = r.u32(); n > 0; n--) {
            out.add(r.u16());
        }
        return out;
    }

    @Test
    void selfTestLists() throws Exception {
        sameToDo("after Startup");
        sameToDo("SHA-256", TpmAlgId.SHA256);
        sameToDo("KEYEDHASH", TpmAlgId.KEYEDHASH);
        d.same("first use of SHA-1", Commands.pcrExtend(16, TpmAlgId.SHA1, new byte[20]));
        sameToDo("after SHA-1 was used");
        d.same("GetTestResult", Commands.getTestResult());
        d.same("SelfTest(NO)", Commands.selfTest(false));
        sameToDo("after SelfTest(NO)");
        d.same("SelfTest(YES)", Commands.selfTest(true));
        sameToDo("after SelfTest(YES)");
        d.powerCycle();
        d.same("Startup", Commands.startup(0));
        sameToDo("after _TPM_Init");
    }

    // ---- hierarchies, clock, allocation ----

    @Test
    void hierarchyAuthAndControl() {
        byte[] pw = "owner".getBytes(StandardCharsets.US_ASCII);
        d.same("change owner auth", Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, NONE, pw));
        d.same("old owner auth", Commands.clockRateAdjust(TpmHandles.RH_OWNER, NONE, 0));
        d.same("new owner auth", Commands.clockRateAdjust(TpmHandles.RH_OWNER, pw, 0));
        d.same("trailing zeros", Commands.clockRateAdjust(TpmHandles.RH_OWNER, Arrays.copyOf(pw, 9), 0));
        d.same("change endorsement auth to zeros", Commands.hierarchyChangeAuth(TpmHandles.RH_ENDORSEMENT, NONE,
                new byte[] {0, 0, 0}));
        d.same("change platform auth", Commands.hierarchyChangeAuth(TpmHandles.RH_PLATFORM, NONE, HELLO));
        d.same("change lockout auth", Commands.hierarchyChangeAuth(TpmHandles.RH_LOCKOUT, NONE, new byte[64]));
        d.same("permanent attributes", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.PERMANENT, 1));
        int[] auths = {TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM};
        byte[][] pws = {pw, NONE, HELLO};
        int[] enables = {TpmHandles.RH_OWNER, TpmHandles.RH_ENDORSEMENT, TpmHandles.RH_PLATFORM_NV, TpmHandles.RH_PLATFORM};
        for (int round = 0; round < 2; round++) {
            for (int e : enables) {
                for (int a = 0; a < auths.length; a++) {
                    for (boolean state : new boolean[] {false, true}) {
                        d.same(String.format("HierarchyControl auth %x enable %x %s", auths[a], e, state),
                                Commands.hierarchyControl(auths[a], pws[a], e, state));
                        d.same("startup clear", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.STARTUP_CLEAR, 1));
                    }
                }
            }
        }
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE)", Commands.startup(1));
        d.same("startup clear after Resume", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.STARTUP_CLEAR, 1));
        d.same("platform auth after Resume", Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, HELLO, 0));
    }

    @Test
    void clockSetAndRateAdjust() throws Exception {
        d.same("ClockSet back to 0", Commands.clockSet(TpmHandles.RH_OWNER, NONE, 0));
        d.same("ClockSet forward", Commands.clockSet(TpmHandles.RH_OWNER, NONE, 1L << 40));
        Differential.Pair p = d.sameCode("ReadClock", Commands.readClock());
        for (byte[] rsp : new byte[][] {p.reference(), p.subject()}) {
            long clock = new TpmReader(rsp, 18, 8).u64();
            assertThat(clock).isBetween(1L << 40, (1L << 40) + 60_000);
        }
        // Clock has moved on by now (by how much depends on the machine), so this is always backwards.
        d.same("ClockSet backwards", Commands.clockSet(TpmHandles.RH_PLATFORM, NONE, (1L << 40) - 1));
        d.same("ClockSet to the maximum", Commands.clockSet(TpmHandles.RH_PLATFORM, NONE, 0xFFFF000000000000L));
        for (int adjust = -4; adjust <= 4; adjust++) {
            d.same("ClockRateAdjust " + adjust, Commands.clockRateAdjust(TpmHandles.RH_PLATFORM, NONE, adjust));
        }
        sameClockInfo("after ClockSet");
    }

    @Test
    void pcrAllocateTakesEffectAtTheNextInit() {
        d.same("allocate", Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, 0}, new int[] {TpmAlgId.SHA384, 0x030303}));
        d.same("PCRs", Commands.getCapability(TpmCap.PCRS, 0, 10));
        d.same("Shutdown(STATE) refused", Commands.shutdown(1));
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup", Commands.startup(0));
        d.same("PCRs", Commands.getCapability(TpmCap.PCRS, 0, 10));
        samePcrs("after reallocation");
        d.same("extend unallocated", Commands.pcrExtend(8, TpmAlgId.SHA384, new byte[48]));
        d.same("event", Commands.pcrEvent(1, HELLO));
        samePcrs("after extends of partly allocated PCRs");
        d.same("allocate back", Commands.pcrAllocate(NONE, new int[] {TpmAlgId.SHA1, ALL_PCRS},
                new int[] {TpmAlgId.SHA384, ALL_PCRS}));
        d.same("allocate nothing", Commands.pcrAllocate(NONE));
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup", Commands.startup(0));
        d.same("PCRs: the empty allocate replaced the pending one", Commands.getCapability(TpmCap.PCRS, 0, 10));
    }
}
