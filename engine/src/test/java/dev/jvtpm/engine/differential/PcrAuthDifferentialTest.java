package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TPM2_PCR_SetAuthValue (Part 3 §22.8) and TPM2_PCR_SetAuthPolicy (§22.7) against swtpm 0.7.1:
 * the groups (PCR 20-22), every response code, PCR_Extend/PCR_Event/PCR_Reset authorized by
 * password, HMAC (bound and unbound) and policy sessions with the values set, and how long the
 * values live (Resume, Restart, Clear, ChangePPS). Runs at locality 2, from which PC Client PCR
 * 20-22 may be extended and reset.
 */
class PcrAuthDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] NONE = new byte[0];
    private static final byte[] SECRET = "pcr secret".getBytes(StandardCharsets.US_ASCII);
    private static final int PLATFORM = TpmHandles.RH_PLATFORM;

    @BeforeEach
    void locality2() {
        d.locality(2);
    }

    private static byte[] extend(int pcr, byte[] pw) {
        return Commands.withPassword(TpmCc.PCR_EXTEND, pcr, pw, w -> w.u32(1).u16(TpmAlgId.SHA256).bytes(new byte[32]));
    }

    private static byte[] extendParams() {
        return ByteBuffer.allocate(4 + 2 + 32).putInt(1).putShort((short) TpmAlgId.SHA256).array();
    }

    private void restart(int startupType) {
        d.locality(0);
        d.same("Shutdown", Commands.shutdown(startupType));
        d.powerCycle();
        d.same("Startup", Commands.startup(startupType));
        d.locality(2);
    }

    @Test
    void authValueWithPasswords() {
        assertThat(d.same("SetAuthValue 21", Commands.pcrSetAuthValue(21, NONE, SECRET)).referenceRc()).isZero();
        assertThat(d.same("Extend 20 with the value", extend(20, SECRET)).referenceRc()).isZero();
        assertThat(d.same("Extend 20 without it", extend(20, NONE)).referenceRc()).as("TPM_RC_BAD_AUTH").isEqualTo(0x9A2);
        for (int pcr = 16; pcr <= 23; pcr++) {
            d.same("Extend " + pcr + " empty password", extend(pcr, NONE));
            d.same("Extend " + pcr + " secret", extend(pcr, SECRET));
        }
        d.same("Event 20 empty password", Commands.pcrEvent(20, new byte[] {1}));
        d.same("Event 22", Commands.withPassword(TpmCc.PCR_EVENT, 22, SECRET, w -> w.tpm2b(new byte[] {1})));
        d.same("Reset 20 empty password", Commands.pcrReset(20));
        d.same("Reset 20", Commands.withPassword(TpmCc.PCR_RESET, 20, SECRET, w -> { }));
        d.same("PCR_Read", Commands.noSessions(TpmCc.PCR_READ, w -> w.u32(1).u16(TpmAlgId.SHA256).u8(3).u8(0).u8(0).u8(0xF0)));
        d.same("change without the value", Commands.pcrSetAuthValue(20, NONE, NONE));
        d.same("change to trailing zeros", Commands.pcrSetAuthValue(20, SECRET, new byte[] {'a', 0, 0}));
        d.same("stripped value", extend(22, new byte[] {'a'}));
        d.same("with the zeros", extend(22, new byte[] {'a', 0}));
    }

    @Test
    void authValueErrors() {
        for (int pcr : new int[] {0, 16, 19, 23, 24, TpmHandles.RH_NULL, TpmHandles.RH_OWNER}) {
            d.same("SetAuthValue " + pcr, Commands.pcrSetAuthValue(pcr, NONE, SECRET));
        }
        d.same("65 bytes", Commands.pcrSetAuthValue(20, NONE, new byte[65]));
        d.same("64 bytes", Commands.pcrSetAuthValue(20, NONE, new byte[64]));
        d.same("truncated", Commands.withPassword(TpmCc.PCR_SET_AUTH_VALUE, 20, NONE, w -> w.u16(4).u8(1)));
        d.same("trailing bytes", Commands.withPassword(TpmCc.PCR_SET_AUTH_VALUE, 20, NONE, w -> w.u16(0).u8(1)));
        d.same("no sessions", Commands.noSessions(TpmCc.PCR_SET_AUTH_VALUE, w -> w.u32(20).u16(0)));
    }

    @Test
    void authValueLifetime() {
        d.same("SetAuthValue", Commands.pcrSetAuthValue(20, NONE, SECRET));
        restart(1);
        d.same("after Resume, empty", extend(20, NONE));
        d.same("after Resume, secret", extend(20, SECRET));
        restart(0);
        d.same("after Restart", extend(20, NONE));
        d.same("SetAuthValue again", Commands.pcrSetAuthValue(20, NONE, SECRET));
        d.same("Clear", Commands.clear(PLATFORM, NONE));
        d.same("after Clear", extend(20, NONE));
    }

    @Test
    void authValueWithHmacSessions() {
        d.same("SetAuthValue", Commands.pcrSetAuthValue(20, NONE, SECRET));
        Session[] s = startBoth(Start.hmac().hash(ALG_SHA256));
        same("HMAC, right value", i -> new Call(TpmCc.PCR_EXTEND).handle(21)
                .auth(Auth.of(s[i], CONTINUE, 21, SECRET)).params(extendParams()));
        same("HMAC, wrong value", i -> new Call(TpmCc.PCR_EXTEND).handle(21)
                .auth(Auth.of(s[i], CONTINUE, 21, NONE)).params(extendParams()));
        Session[] b = startBoth(Start.hmac().hash(ALG_SHA1).bind(22, SECRET));
        same("bound to PCR 22, used for 22", i -> new Call(TpmCc.PCR_EXTEND).handle(22)
                .auth(Auth.of(b[i], CONTINUE, 22, SECRET)).params(extendParams()));
        same("bound to PCR 22, used for 16", i -> new Call(TpmCc.PCR_EXTEND).handle(16)
                .auth(Auth.of(b[i], CONTINUE, 16, NONE)).params(extendParams()));
        // The response HMAC of SetAuthValue uses the new value, as for HierarchyChangeAuth.
        byte[] next = "next".getBytes(StandardCharsets.US_ASCII);
        Result[] r = same("SetAuthValue by HMAC", i -> new Call(TpmCc.PCR_SET_AUTH_VALUE).handle(20)
                .auth(Auth.of(s[i], CONTINUE, 20, SECRET).responseAuth(next))
                .params(ByteBuffer.allocate(2 + next.length).putShort((short) next.length).put(next).array()));
        assertThat(r[0].rc()).isZero();
        d.same("new value", extend(21, next));
    }

    @Test
    void authPolicy() {
        PolicyCalc p = new PolicyCalc(ALG_SHA256);
        byte[] policy = p.commandCode(p.zero(), TpmCc.PCR_EXTEND);
        d.same("size for SHA256", Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[20], TpmAlgId.SHA256, 20));
        d.same("digest with NULL", Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.NULL, 20));
        d.same("65 bytes", Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[65], TpmAlgId.SHA256, 20));
        d.same("bad hash", Commands.pcrSetAuthPolicy(PLATFORM, NONE, new byte[32], TpmAlgId.AES, 20));
        for (int pcr : new int[] {0, 16, 19, 23, 24, TpmHandles.RH_NULL}) {
            d.same("pcrNum " + pcr, Commands.pcrSetAuthPolicy(PLATFORM, NONE, policy, TpmAlgId.SHA256, pcr));
        }
        d.same("owner handle", Commands.pcrSetAuthPolicy(TpmHandles.RH_OWNER, NONE, policy, TpmAlgId.SHA256, 20));
        d.same("wrong platform password", Commands.pcrSetAuthPolicy(PLATFORM, SECRET, policy, TpmAlgId.SHA256, 20));
        policySessionExtends("empty policy");
        assertThat(d.same("SetAuthPolicy", Commands.pcrSetAuthPolicy(PLATFORM, NONE, policy, TpmAlgId.SHA256, 21))
                .referenceRc()).isZero();
        policySessionExtends("policy set");
        restart(0);
        policySessionExtends("after Restart");
        d.same("ChangePPS", Commands.withPassword(TpmCc.CHANGE_PPS, PLATFORM, NONE, w -> { }));
        policySessionExtends("after ChangePPS");
        d.same("SetAuthPolicy SHA1", Commands.pcrSetAuthPolicy(PLATFORM, NONE, new PolicyCalc(ALG_SHA1)
                .commandCode(new PolicyCalc(ALG_SHA1).zero(), TpmCc.PCR_EXTEND), TpmAlgId.SHA1, 22));
        policySessionExtends("SHA1 policy, SHA256 session");
        d.same("SetAuthPolicy NULL", Commands.pcrSetAuthPolicy(PLATFORM, NONE, NONE, TpmAlgId.NULL, 20));
        policySessionExtends("NULL policy");
    }

    /**
     * TPM2_PolicySecret with a PCR's authValue and a negative expiration: the ticket names the
     * hierarchy EntityGetHierarchy gives PCRs (the owner's). Its HMAC uses each TPM's own proof,
     * so only tag, hierarchy and digest size are compared.
     */
    @Test
    void policySecretTicketForAPcr() {
        d.same("SetAuthValue", Commands.pcrSetAuthValue(20, NONE, SECRET));
        for (int pcr : new int[] {20, 16}) {
            byte[] pw = pcr == 20 ? SECRET : NONE;
            Session[] s = startBoth(Start.policy().hash(ALG_SHA256));
            Result[] r = same("PolicySecret by PCR " + pcr, i -> PolicyCommands.secret(pcr,
                    ByteBuffer.allocate(4).putInt(pcr).array(), Auth.password(pw), s[i].handle, s[i].nonceTPM,
                    NONE, NONE, -1));
            assertThat(r[0].rc()).isZero();
            ByteBuffer a = ByteBuffer.wrap(r[0].parameters());
            ByteBuffer b = ByteBuffer.wrap(r[1].parameters());
            a.position(2 + a.getShort());
            b.position(2 + b.getShort());
            assertThat(new int[] {b.getShort(), b.getInt(), b.getShort()}).as("ticket tag, hierarchy, digest size")
                    .containsExactly(a.getShort(), a.getInt(), a.getShort());
            d.same("flush", Commands.flushContext(s[0].handle));
        }
    }

    /** PCR_Extend of 16, 20 and 22 each by a fresh SHA-256 policy session with PolicyCommandCode(PCR_Extend). */
    private void policySessionExtends(String what) {
        for (int pcr : new int[] {16, 20, 22}) {
            Session[] s = startBoth(Start.policy().hash(ALG_SHA256));
            same(what + ": PolicyCommandCode", i -> PolicyCommands.commandCode(s[i].handle, TpmCc.PCR_EXTEND));
            Result[] r = same(what + ": Extend " + pcr + " by policy", i -> new Call(TpmCc.PCR_EXTEND).handle(pcr)
                    .auth(Auth.of(s[i], 0, pcr, NONE)).params(extendParams()));
            if (pcr == 16) {
                assertThat(r[0].rc()).as("no policy group: TPM_RC_AUTH_UNAVAILABLE").isEqualTo(0x12F);
            } else if (what.equals("policy set") || what.equals("after Restart")) {
                assertThat(r[0].rc()).isZero();
            }
            d.same("flush", Commands.flushContext(s[0].handle));
        }
    }
}
