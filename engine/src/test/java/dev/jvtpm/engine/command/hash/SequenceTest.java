package dev.jvtpm.engine.command.hash;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

/** Part 3 §17 hash and event sequences, and the transient object slots they occupy. */
class SequenceTest {
    private static final byte[] NONE = new byte[0];
    private static final byte[] PW = "seq".getBytes(StandardCharsets.US_ASCII);

    static int start(TpmHarness h, byte[] auth, int alg) throws Exception {
        return h.ok(h.call(Commands.hashSequenceStart(auth, alg))).body().u32();
    }

    static byte[] sha256(byte[]... parts) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    @Test
    void hashSequenceDigestsAndTicketsLikeHash() throws Exception {
        TpmHarness h = TpmHarness.started();
        int seq = start(h, PW, TpmAlgId.SHA256);
        assertThat(seq).isEqualTo(0x80000000);
        byte[] a = "abcdefgh".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "ijk".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.sequenceUpdate(seq, PW, a)));
        TpmReader r = h.ok(h.call(Commands.sequenceComplete(seq, PW, b, TpmHandles.RH_ENDORSEMENT))).parameters(0);
        byte[] digest = r.tpm2b(64);
        assertThat(digest).isEqualTo(sha256(a, b));
        HashTest.Ticket t = HashTest.Ticket.read(r);
        assertThat(t.hierarchy()).isEqualTo(TpmHandles.RH_ENDORSEMENT);
        assertThat(t.digest()).isEqualTo(HashTest.expectedTicket(
                TpmInternals.core(h.tpm()).gp.endorsementProof, TpmAlgId.SHA256, digest));
        // SequenceComplete flushed the sequence.
        assertThat(h.rc(Commands.sequenceUpdate(seq, PW, a))).isEqualTo(0x910);
    }

    @Test
    void onlyTheFirstBlockDecidesWhetherTheDigestIsTicketed() throws Exception {
        TpmHarness h = TpmHarness.started();
        // First block too short (here empty): no ticket, whatever follows (as libtpms).
        int seq = start(h, NONE, TpmAlgId.SHA256);
        h.ok(h.call(Commands.sequenceUpdate(seq, NONE, NONE)));
        h.ok(h.call(Commands.sequenceUpdate(seq, NONE, new byte[100])));
        assertThat(completeTicketHierarchy(h, seq, NONE)).isEqualTo(TpmHandles.RH_NULL);
        // TPM_GENERATED_VALUE in the first block: no ticket.
        seq = start(h, NONE, TpmAlgId.SHA256);
        h.ok(h.call(Commands.sequenceUpdate(seq, NONE, new byte[] {(byte) 0xFF, 0x54, 0x43, 0x47})));
        assertThat(completeTicketHierarchy(h, seq, NONE)).isEqualTo(TpmHandles.RH_NULL);
        // No update: the complete buffer is the first block.
        seq = start(h, NONE, TpmAlgId.SHA256);
        assertThat(completeTicketHierarchy(h, seq, new byte[3])).isEqualTo(TpmHandles.RH_NULL);
        seq = start(h, NONE, TpmAlgId.SHA256);
        assertThat(completeTicketHierarchy(h, seq, new byte[4])).isEqualTo(TpmHandles.RH_OWNER);
    }

    private static int completeTicketHierarchy(TpmHarness h, int seq, byte[] last) throws Exception {
        TpmReader r = h.ok(h.call(Commands.sequenceComplete(seq, NONE, last, TpmHandles.RH_OWNER))).parameters(0);
        r.tpm2b(64);
        return HashTest.Ticket.read(r).hierarchy();
    }

    @Test
    void sequencesNeedTheirAuthValueAndAreNotDictionaryAttackProtected() throws Exception {
        TpmHarness h = TpmHarness.started();
        int seq = start(h, PW, TpmAlgId.SHA1);
        for (int i = 0; i < 5; i++) {
            assertThat(h.rc(Commands.sequenceUpdate(seq, NONE, NONE))).isEqualTo(0x9A2);
        }
        // Trailing zeros of a password are insignificant.
        assertThat(h.rc(Commands.sequenceUpdate(seq, new byte[] {'s', 'e', 'q', 0, 0}, NONE))).isZero();
        assertThat(h.rc(Commands.noSessionsUpdate(seq))).isEqualTo(0x125);
    }

    @Test
    void eventSequenceHashesWithEveryBankAndExtendsThePcr() throws Exception {
        TpmHarness h = TpmHarness.started();
        int seq = start(h, PW, TpmAlgId.NULL);
        byte[] hello = "hello".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.sequenceUpdate(seq, PW, hello)));
        int counter = h.pcrUpdateCounter();
        TpmReader r = h.ok(h.call(Commands.eventSequenceComplete(10, seq, PW, NONE))).parameters(0);
        assertThat(r.u32()).isEqualTo(4);
        assertThat(r.u16()).isEqualTo(TpmAlgId.SHA1);
        assertThat(r.bytes(20)).isEqualTo(MessageDigest.getInstance("SHA-1").digest(hello));
        assertThat(r.u16()).isEqualTo(TpmAlgId.SHA256);
        assertThat(r.bytes(32)).isEqualTo(sha256(hello));
        assertThat(h.pcr(TpmAlgId.SHA256, 10)).isEqualTo(sha256(new byte[32], sha256(hello)));
        assertThat(h.pcrUpdateCounter()).isEqualTo(counter + 4);
        assertThat(h.rc(Commands.sequenceUpdate(seq, PW, hello))).isEqualTo(0x910);
    }

    @Test
    void completingTheWrongKindOfSequenceIsModeError() throws Exception {
        TpmHarness h = TpmHarness.started();
        int event = start(h, NONE, TpmAlgId.NULL);
        int hash = start(h, NONE, TpmAlgId.SHA256);
        assertThat(h.rc(Commands.sequenceComplete(event, NONE, NONE, TpmHandles.RH_NULL))).isEqualTo(0x189);
        assertThat(h.rc(Commands.eventSequenceComplete(TpmHandles.RH_NULL, hash, NONE, NONE))).isEqualTo(0x289);
        // A refused extend leaves the event sequence loaded.
        assertThat(h.rc(Commands.eventSequenceComplete(17, event, NONE, NONE))).isEqualTo(0x907);
        assertThat(h.rc(Commands.eventSequenceComplete(TpmHandles.RH_NULL, event, NONE, NONE))).isZero();
        assertThat(h.rc(Commands.sequenceComplete(hash, NONE, NONE, 0x4000000A))).isEqualTo(0x2C4);
    }

    @Test
    void threeSlotsHandlesReusedAndFlushContext() throws Exception {
        TpmHarness h = TpmHarness.started();
        assertThat(start(h, NONE, TpmAlgId.SHA256)).isEqualTo(0x80000000);
        assertThat(start(h, NONE, TpmAlgId.SHA384)).isEqualTo(0x80000001);
        assertThat(start(h, NONE, TpmAlgId.NULL)).isEqualTo(0x80000002);
        assertThat(h.rc(Commands.hashSequenceStart(NONE, TpmAlgId.SHA256))).isEqualTo(0x902);
        assertThat(transientHandles(h)).containsExactly(0x80000000, 0x80000001, 0x80000002);
        assertThat(property(h, TpmPt.HR_TRANSIENT_AVAIL)).isZero();
        h.ok(h.call(Commands.flushContext(0x80000001)));
        assertThat(transientHandles(h)).containsExactly(0x80000000, 0x80000002);
        assertThat(property(h, TpmPt.HR_TRANSIENT_AVAIL)).isEqualTo(1);
        assertThat(start(h, NONE, TpmAlgId.SHA1)).isEqualTo(0x80000001);
        // Handles past the last slot do not even unmarshal.
        assertThat(h.rc(Commands.sequenceUpdate(0x80000003, NONE, NONE))).isEqualTo(0x184);
    }

    @Test
    void startupFlushesSequences() throws Exception {
        TpmHarness h = TpmHarness.started();
        start(h, NONE, TpmAlgId.SHA256);
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        assertThat(transientHandles(h)).isEmpty();
    }

    @Test
    void parameterErrors() {
        TpmHarness h = TpmHarness.started();
        assertThat(h.rc(Commands.hashSequenceStart(new byte[65], TpmAlgId.SHA256))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.hashSequenceStart(NONE, 0x0012))).isEqualTo(0x2C3);
    }

    static int[] transientHandles(TpmHarness h) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.HANDLES, 0x80000000, 16))).body();
        r.u8();
        r.u32();
        int[] out = new int[r.u32()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.u32();
        }
        return out;
    }

    static int property(TpmHarness h, int pt) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1))).body();
        r.skip(1 + 4 + 4);
        assertThat(r.u32()).isEqualTo(pt);
        return r.u32();
    }
}
