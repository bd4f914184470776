package dev.jvtpm.engine.command.context;

import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Session contexts (Part 3 §28, Part 1 §30): ContextSave moves a session out of TPM memory under
 * a 64-bit sequence; the blob loads back once, at the same handle, with its state (nonce, policy);
 * saved sessions survive Shutdown(STATE) with Resume or Restart and die on TPM Reset; 64 sessions
 * at most are active; TPM_RC_CONTEXT_GAP only when the 16-bit slot of the oldest saved context
 * would be reused.
 */
class SessionContextTest {
    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    private byte[] save(int handle) {
        TpmHarness.Response r = h.ok(h.call(ObjectCommands.contextSave(handle)));
        return Arrays.copyOfRange(r.raw(), 10, r.raw().length);
    }

    private int load(byte[] context) {
        TpmHarness.Response r = h.call(ObjectCommands.contextLoad(context));
        return r.rc() == 0 ? ByteBuffer.wrap(r.raw()).getInt(10) : -r.rc();
    }

    private Call pcrExtend(Session s) {
        return new Call(TpmCc.PCR_EXTEND).handle(16).auth(Auth.of(s, CONTINUE, 16, new byte[0]).alwaysHmac())
                .params(new byte[4]);
    }

    private int property(int pt) throws Exception {
        TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.TPM_PROPERTIES, pt, 1))).body();
        r.skip(1 + 4 + 4 + 4);
        return r.u32();
    }

    private List<Integer> handles(int from) {
        return h.capabilityList(TpmCap.HANDLES, from, 64);
    }

    @Test
    void aSavedSessionComesBackOnceAtItsHandle() throws Exception {
        Session s = client.start(Start.hmac().bind(0x40000007, new byte[0]));
        Session p = client.start(Start.policy());
        client.call(PolicyCommands.authValue(p.handle));
        assertThat(client.call(pcrExtend(s)).rc()).isZero();
        byte[] ctx = save(s.handle);
        ByteBuffer b = ByteBuffer.wrap(ctx);
        assertThat(b.getLong()).as("sequence: the context counter, from MAX_LOADED_SESSIONS + 1").isEqualTo(4);
        assertThat(b.getInt()).as("savedHandle").isEqualTo(s.handle);
        assertThat(b.getInt()).as("hierarchy").isEqualTo(0x40000007);
        byte[] policyCtx = save(p.handle);
        assertThat(ByteBuffer.wrap(policyCtx).getLong()).isEqualTo(5);

        assertThat(property(TpmPt.HR_LOADED)).isZero();
        assertThat(property(TpmPt.HR_ACTIVE)).isEqualTo(2);
        assertThat(handles(0x02000000)).isEmpty();
        // Saved sessions are listed under the HMAC session type, whatever they are.
        assertThat(handles(0x03000000)).containsExactly(0x02000000, 0x02000001);
        // Not loaded: an authorization with it is TPM_RC_REFERENCE_S0, a policy command TPM_RC_REFERENCE_H0.
        assertThat(client.call(pcrExtend(s)).rc()).isEqualTo(0x918);
        assertThat(client.call(PolicyCommands.getDigest(p.handle)).rc()).isEqualTo(0x910);

        assertThat(load(policyCtx)).isEqualTo(p.handle);
        assertThat(load(ctx)).isEqualTo(s.handle);
        assertThat(load(ctx)).as("a second load of the same context").isEqualTo(-0x1CB);
        assertThat(client.call(pcrExtend(s)).rc()).as("nonce and key survived").isZero();
        PolicyCalc calc = new PolicyCalc(SessionClient.ALG_SHA256);
        assertThat(SessionClient.get2b(client.call(PolicyCommands.getDigest(p.handle)).reader()))
                .isEqualTo(calc.authValue(calc.zero()));
        // Saving again gives a new sequence; the old blob stays dead.
        byte[] again = save(s.handle);
        assertThat(ByteBuffer.wrap(again).getLong()).isEqualTo(6);
        assertThat(load(ctx)).isEqualTo(-0x1CB);
        // A flushed saved session cannot be loaded.
        h.ok(h.call(Commands.flushContext(s.handle)));
        assertThat(load(again)).isEqualTo(-0x1CB);
        assertThat(h.rc(Commands.flushContext(s.handle))).isEqualTo(0x1CB);
    }

    @Test
    void theLargestSessionContextFitsTheAdvertisedMaximum() throws Exception {
        Session s = client.start(Start.policy().hash(SessionClient.ALG_SHA512).aes(256).nonce(new byte[64]));
        client.call(PolicyCommands.nameHash(s.handle, new byte[64]));
        Session b = client.start(Start.hmac().hash(SessionClient.ALG_SHA512).bind(0x4000000B, new byte[0])
                .nonce(new byte[64]));
        int max = property(TpmPt.MAX_SESSION_CONTEXT);
        assertThat(save(s.handle).length).isLessThanOrEqualTo(max);
        assertThat(save(b.handle).length).isLessThanOrEqualTo(max);
    }

    @Test
    void aTamperedSessionContextFailsItsIntegrityCheck() {
        Session s = client.start(Start.hmac());
        byte[] ctx = save(s.handle);
        byte[] bad = ctx.clone();
        bad[bad.length - 1] ^= 1;
        assertThat(load(bad)).isEqualTo(-0x1DF);
        byte[] otherHandle = ctx.clone();
        otherHandle[11] = 5;
        assertThat(load(otherHandle)).isEqualTo(-0x1DF);
        assertThat(load(ctx)).isEqualTo(s.handle);
    }

    @Test
    void savedSessionsSurviveResumeAndRestartButNotReset() {
        Session s = client.start(Start.hmac());
        byte[] first = save(s.handle);
        Session loaded = client.start(Start.hmac());
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(1)));
        // Resume: the saved session is back, the loaded one is gone.
        assertThat(load(first)).isEqualTo(s.handle);
        assertThat(client.call(pcrExtend(loaded)).rc()).isEqualTo(0x918);
        byte[] second = save(s.handle);
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        // Restart: still there.
        assertThat(load(second)).isEqualTo(s.handle);
        assertThat(client.call(pcrExtend(s)).rc()).isZero();
        byte[] third = save(s.handle);
        h.ok(h.call(Commands.shutdown(0)));
        h.powerCycle();
        h.ok(h.call(Commands.startup(0)));
        // TPM Reset: the null proof and reset count changed, the context no longer verifies.
        assertThat(load(third)).isEqualTo(-0x1DF);
    }

    @Test
    void sixtyFourActiveSessionsAtMost() throws Exception {
        List<byte[]> saved = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Session s = client.start(Start.hmac());
            assertThat(s.handle).isEqualTo(0x02000000 + i);
            saved.add(save(s.handle));
        }
        assertThat(property(TpmPt.HR_ACTIVE)).isEqualTo(64);
        assertThat(property(TpmPt.HR_ACTIVE_AVAIL)).isZero();
        assertThat(client.tryStart(Start.hmac()).rc()).isEqualTo(0x905);
        assertThat(handles(0x03000000)).hasSize(64);
        h.ok(h.call(Commands.flushContext(0x02000020)));
        assertThat(client.start(Start.policy()).handle).isEqualTo(0x03000020);
        for (int i = 0; i < 2; i++) {
            assertThat(load(saved.get(i))).isEqualTo(0x02000000 + i);
        }
        assertThat(load(saved.get(2))).as("three slots are full").isEqualTo(-0x903);
    }

    @Test
    void theContextGapOnlyAppearsAfter65532SavesWhileOneContextStaysSaved() {
        Session old = client.start(Start.hmac());
        byte[] oldCtx = save(old.handle);
        Session busy = client.start(Start.hmac());
        int saves = 0;
        int rc = 0;
        while (saves < 70000) {
            TpmHarness.Response r = h.call(ObjectCommands.contextSave(busy.handle));
            if (r.rc() != 0) {
                rc = r.rc();
                break;
            }
            saves++;
            assertThat(load(Arrays.copyOfRange(r.raw(), 10, r.raw().length))).isEqualTo(busy.handle);
        }
        // The slot values skip 0..3 (loaded markers): 65536 - 4 saves come back to the old one's slot.
        assertThat(saves).isEqualTo(65532 - 1);
        assertThat(rc).isEqualTo(0x901);
        // Loading the old context frees the slot value and the gap is gone.
        assertThat(load(oldCtx)).isEqualTo(old.handle);
        h.ok(h.call(ObjectCommands.contextSave(busy.handle)));
    }
}
