package dev.jvtpm.engine.command.pcr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmConfig;
import dev.jvtpm.engine.state.InMemoryStateStore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.wire.TpmReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Part 3 §22.7 PCR_SetAuthPolicy and §22.8 PCR_SetAuthValue: the one authorization group and
 * the one policy group (PCR 20-22), how long their values live, and their effect on PCR
 * authorization.
 */
class PcrAuthTest {
    private static final byte[] NONE = new byte[0];
    private static final byte[] SECRET = "pcr secret".getBytes(StandardCharsets.US_ASCII);
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;
    /** TPM_RC_BAD_AUTH at session 1: PCRs are not protected against dictionary attacks. */
    private static final int RC_BAD_AUTH_S1 = 0x9A2;

    /** Locality 2 (but for Startup): PCR 20-22 are extendable and resettable from it (PC Client). */
    private static TpmHarness persistentTpm() {
        return TpmHarness.started(TpmConfig.builder().stateStore(new InMemoryStateStore()).build()).locality(2);
    }

    private static TpmHarness tpm() {
        return TpmHarness.started().locality(2);
    }

    private static int extendRc(TpmHarness h, int pcr, byte[] pw) {
        return h.rc(Commands.withPassword(TpmCc.PCR_EXTEND, pcr, pw,
                w -> w.u32(1).u16(TpmAlgId.SHA256).bytes(new byte[32])));
    }

    @Test
    void authValueProtectsTheWholeGroupOnly() {
        TpmHarness h = tpm();
        h.ok(h.call(Commands.pcrSetAuthValue(21, NONE, SECRET)));
        for (int pcr = 20; pcr <= 22; pcr++) {
            assertThat(extendRc(h, pcr, NONE)).as("PCR %d, empty password", pcr).isEqualTo(RC_BAD_AUTH_S1);
            assertThat(extendRc(h, pcr, SECRET)).as("PCR %d", pcr).isZero();
        }
        assertThat(extendRc(h, 16, NONE)).isZero();
        assertThat(h.rc(Commands.pcrEvent(20, new byte[] {1}))).isEqualTo(RC_BAD_AUTH_S1);
        assertThat(h.rc(Commands.withPassword(TpmCc.PCR_RESET, 20, SECRET, w -> { })))
                .isZero();
        // Changing it needs the current value; trailing zeros are dropped.
        assertThat(h.rc(Commands.pcrSetAuthValue(20, NONE, NONE))).isEqualTo(RC_BAD_AUTH_S1);
        h.ok(h.call(Commands.pcrSetAuthValue(20, SECRET, new byte[] {'a', 0, 0})));
        assertThat(extendRc(h, 22, new byte[] {'a'})).isZero();
    }

    @Test
    void authValueOutsideTheGroupAndMalformed() {
        TpmHarness h = tpm();
        assertThat(h.rc(Commands.pcrSetAuthValue(16, NONE, SECRET))).as("no group: bare TPM_RC_VALUE").isEqualTo(0x084);
        assertThat(h.rc(Commands.pcrSetAuthValue(23, NONE, SECRET))).isEqualTo(0x084);
        assertThat(h.rc(Commands.pcrSetAuthValue(20, NONE, new byte[65]))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.pcrSetAuthValue(24, NONE, SECRET))).isEqualTo(0x184);
        assertThat(h.rc(Commands.pcrSetAuthValue(TpmHandles.RH_NULL, NONE, SECRET))).isEqualTo(0x184);
    }

    @Test
    void authValueSurvivesResumeButNotRestartOrClear() {
        TpmHarness h = persistentTpm();
        h.ok(h.call(Commands.pcrSetAuthValue(20, NONE, SECRET)));
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.locality(0).ok(h.call(Commands.startup(1)));
        h.locality(2);
        assertThat(extendRc(h, 20, SECRET)).as("after Resume").isZero();
        h.ok(h.call(Commands.shutdown(1)));
        h.powerCycle();
        h.locality(0).ok(h.call(Commands.startup(0)));
        h.locality(2);
        assertThat(extendRc(h, 20, NONE)).as("after Restart").isZero();
        h.ok(h.call(Commands.pcrSetAuthValue(20, NONE, SECRET)));
        h.ok(h.call(Commands.clear(PLATFORM, NONE)));
        assertThat(extendRc(h, 20, NONE)).as("after Clear").isZero();
    }

    @Test
    void setAuthPolicyChecksSizeAndGroup() {
        TpmHarness h = tpm();
        assertThat(h.rc(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[20], TpmAlgId.SHA256, 20))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.NULL, 20))).isEqualTo(0x1D5);
        assertThat(h.rc(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.SHA256, 16))).isEqualTo(0x3C4);
        assertThat(h.rc(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.SHA256, 24))).isEqualTo(0x3C4);
        assertThat(h.rc(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], 0x0006, 20))).isEqualTo(0x2C3);
        assertThat(h.rc(Commands.pcrSetAuthPolicy(TpmHandles.RH_OWNER, NONE, new byte[32], TpmAlgId.SHA256, 20)))
                .isEqualTo(0x184);
        h.ok(h.call(Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.SHA256, 22)));
        h.ok(h.call(Commands.pcrSetAuthPolicy(PLATFORM, NONE, NONE, TpmAlgId.NULL, 20)));
    }

    /** PCR_Extend of {@code pcr} authorized by a fresh policy session with PolicyCommandCode(PCR_Extend). */
    private static int extendByPolicy(TpmHarness h, int pcr) {
        SessionClient c = new SessionClient(cmd -> h.call(cmd).raw());
        Session s = c.start(Start.policy().hash(SessionClient.ALG_SHA256));
        assertThat(c.call(PolicyCommands.commandCode(s.handle, TpmCc.PCR_EXTEND)).rc()).isZero();
        byte[] params = ByteBuffer.allocate(4 + 2 + 32).putInt(1).putShort((short) TpmAlgId.SHA256).array();
        int rc = c.call(new Call(TpmCc.PCR_EXTEND).handle(pcr).auth(Auth.of(s, 0, pcr, NONE)).params(params)).rc();
        h.call(Commands.flushContext(s.handle));
        return rc;
    }

    @Test
    void policyAuthorizesTheGroupIsPersistentAndIsEmptiedByChangePps() {
        TpmHarness h = persistentTpm();
        byte[] policy = new PolicyCalc(SessionClient.ALG_SHA256).commandCode(
                new PolicyCalc(SessionClient.ALG_SHA256).zero(), TpmCc.PCR_EXTEND);
        assertThat(extendByPolicy(h, 20)).as("empty policy").isEqualTo(0x99D);
        assertThat(extendByPolicy(h, 16)).as("no policy group").isEqualTo(0x12F);
        h.ok(h.call(Commands.pcrSetAuthPolicy(PLATFORM, NONE, policy, TpmAlgId.SHA256, 20)));
        h.powerCycle();
        h.locality(0).ok(h.call(Commands.startup(0)));
        h.locality(2);
        assertThat(extendByPolicy(h, 22)).as("policy kept in NV").isZero();
        assertThat(extendByPolicy(h, 16)).isEqualTo(0x12F);
        h.ok(h.call(Commands.withPassword(TpmCc.CHANGE_PPS, PLATFORM, NONE, w -> { })));
        assertThat(extendByPolicy(h, 20)).as("after ChangePPS").isEqualTo(0x99D);
    }

    @Test
    void groupsAreReportedAsPcrProperties() throws Exception {
        TpmHarness h = tpm();
        for (int pt : new int[] {TpmPt.PCR_POLICY, TpmPt.PCR_AUTH}) {
            TpmReader r = h.ok(h.call(Commands.getCapability(TpmCap.PCR_PROPERTIES, pt, 1))).body();
            r.skip(1 + 4);
            assertThat(r.u32()).isEqualTo(1);
            assertThat(r.u32()).isEqualTo(pt);
            assertThat(r.u8()).isEqualTo(3);
            assertThat(new int[] {r.u8(), r.u8(), r.u8()}).containsExactly(0, 0, 0x70);
        }
    }
}
