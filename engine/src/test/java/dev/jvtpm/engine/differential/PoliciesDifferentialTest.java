package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA512;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Enhanced authorization against swtpm 0.7.1: the policyDigest after every policy command, in
 * trial and in real sessions, must be the same on both TPMs and the same as computed from the
 * formulas; the response codes of the failing checks must be the same. Tickets are keyed with
 * the TPMs' own proofs, so each TPM replays its own.
 */
class PoliciesDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] REF = "ref".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OWNER = SessionClient.handleName(TpmHandles.RH_OWNER);

    /** Both TPMs' policyDigest: equal to each other and to {@code expected}. */
    private void digestIs(String what, Session[] s, byte[] expected) {
        Result[] r = same(what + ": PolicyGetDigest", i -> PolicyCommands.getDigest(s[i].handle));
        byte[] ref = SessionClient.get2b(r[0].reader());
        byte[] sub = SessionClient.get2b(r[1].reader());
        assertThat(sub).as(what + ": jvtpm digest equals swtpm's").isEqualTo(ref);
        assertThat(ref).as(what + ": swtpm digest equals the formula").isEqualTo(expected);
    }

    @Test
    void everyPolicyDigestInTrialAndRealSessions() {
        for (int alg : new int[] {ALG_SHA1, ALG_SHA256, ALG_SHA384, ALG_SHA512}) {
            for (boolean trial : new boolean[] {true, false}) {
                String what = "hash " + alg + (trial ? " trial" : " policy");
                PolicyCalc p = new PolicyCalc(alg);
                Session[] s = startBoth((trial ? Start.trial() : Start.policy()).hash(alg));
                byte[] dg = p.zero();
                digestIs(what + " fresh", s, dg);
                same("PolicyAuthValue", i -> PolicyCommands.authValue(s[i].handle));
                dg = p.authValue(dg);
                same("PolicyCommandCode", i -> PolicyCommands.commandCode(s[i].handle, TpmCc.PCR_EXTEND));
                dg = p.commandCode(dg, TpmCc.PCR_EXTEND);
                same("PolicyLocality 0x1F", i -> PolicyCommands.locality(s[i].handle, 0x1F));
                dg = p.locality(dg, 0x1F);
                same("PolicyLocality 0x01", i -> PolicyCommands.locality(s[i].handle, 0x01));
                dg = p.locality(dg, 0x01);
                same("PolicyPhysicalPresence", i -> PolicyCommands.physicalPresence(s[i].handle));
                dg = p.physicalPresence(dg);
                same("PolicyNvWritten", i -> PolicyCommands.nvWritten(s[i].handle, 0));
                dg = p.nvWritten(dg, false);
                same("PolicyCounterTimer safe", i -> PolicyCommands.counterTimer(s[i].handle, new byte[] {1}, 24, 0));
                dg = p.counterTimer(dg, new byte[] {1}, 24, 0);
                same("PolicyCounterTimer restartCount", i -> PolicyCommands.counterTimer(s[i].handle,
                        new byte[4], 20, 0));
                dg = p.counterTimer(dg, new byte[4], 20, 0);
                digestIs(what + " so far", s, dg);
                Result[] pcr = same("PolicyPCR", i -> PolicyCommands.pcr(s[i].handle, new byte[0], ALG_SHA256,
                        0x00F0F1));
                assertThat(pcr[0].rc()).isZero();
                same("PolicyPassword", i -> PolicyCommands.password(s[i].handle));
                byte[] cp = SessionClient.hash(alg, REF);
                same("PolicyCpHash", i -> PolicyCommands.cpHash(s[i].handle, cp));
                same("PolicySecret", i -> PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER,
                        Auth.password(new byte[0]), s[i].handle, new byte[0], new byte[0], REF, 0));
                Result[] r = same("digest", i -> PolicyCommands.getDigest(s[i].handle));
                byte[] current = SessionClient.get2b(r[0].reader());
                assertThat(SessionClient.get2b(r[1].reader())).as(what + " after PolicyPCR..PolicySecret")
                        .isEqualTo(current);
                byte[] other = SessionClient.hash(alg, cp);
                same("PolicyOR", i -> PolicyCommands.or(s[i].handle, other, current, cp));
                digestIs(what + " PolicyOR", s, p.or(other, current, cp));
                same("PolicyRestart", i -> PolicyCommands.restart(s[i].handle));
                digestIs(what + " restarted", s, p.zero());
                same("PolicyNameHash", i -> PolicyCommands.nameHash(s[i].handle, cp));
                digestIs(what + " nameHash", s, p.nameHash(p.zero(), cp));
                same("PolicyRestart", i -> PolicyCommands.restart(s[i].handle));
                same("PolicyTemplate", i -> PolicyCommands.template(s[i].handle, cp));
                digestIs(what + " template", s, p.template(p.zero(), cp));
                same("PolicyRestart", i -> PolicyCommands.restart(s[i].handle));
                byte[] name = SessionClient.concat(new byte[] {0, 0x0B}, SessionClient.hash(ALG_SHA256, REF));
                same("PolicyDuplicationSelect", i -> PolicyCommands.duplicationSelect(s[i].handle, name, OWNER, 1));
                digestIs(what + " duplicationSelect", s, p.duplicationSelect(p.zero(), name, OWNER, true));
                same("PolicyAuthorize", i -> PolicyCommands.authorize(s[i].handle, new byte[0], REF, name,
                        TpmHandles.RH_OWNER, new byte[0]));
                if (trial) {
                    digestIs(what + " authorize", s, p.authorize(name, REF));
                }
                d.same("flush", Commands.flushContext(s[0].handle));
            }
        }
    }

    @Test
    void policyPcrSelectionsAndValues() {
        d.same("extend PCR 4", Commands.pcrExtend(4, ALG_SHA256, new byte[32]));
        d.same("extend PCR 5", Commands.pcrExtend(5, ALG_SHA1, new byte[20]));
        int[][] selections = {{ALG_SHA256, 0x000030}, {ALG_SHA1, 0xFFFFFF}, {ALG_SHA384, 0x800001},
            {ALG_SHA512, 0x010000}};
        for (int[] sel : selections) {
            for (boolean trial : new boolean[] {true, false}) {
                Session[] s = startBoth((trial ? Start.trial() : Start.policy()).hash(ALG_SHA256));
                same("PolicyPCR " + sel[0] + "/" + Integer.toHexString(sel[1]),
                        i -> PolicyCommands.pcr(s[i].handle, new byte[0], sel[0], sel[1]));
                Result[] r = same("digest", i -> PolicyCommands.getDigest(s[i].handle));
                assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SessionClient.get2b(r[0].reader()));
                same("PolicyPCR with a wrong digest", i -> PolicyCommands.pcr(s[i].handle, new byte[32], sel[0],
                        sel[1]));
                d.same("flush", Commands.flushContext(s[0].handle));
            }
        }
        Session[] s = startBoth(Start.policy());
        same("PolicyPCR", i -> PolicyCommands.pcr(s[i].handle, new byte[0], ALG_SHA256, 0x000400));
        d.same("extend PCR 16 (not counted in pcrUpdateCounter)", Commands.pcrExtend(16, ALG_SHA256, new byte[32]));
        same("PolicyPCR again after PCR 16", i -> PolicyCommands.pcr(s[i].handle, new byte[0], ALG_SHA256, 0x000400));
        d.same("extend PCR 10", Commands.pcrExtend(10, ALG_SHA256, new byte[32]));
        same("PolicyPCR after PCR 10 changed", i -> PolicyCommands.pcr(s[i].handle, new byte[0], ALG_SHA256, 0x000400));
    }

    @Test
    void policySecretTicketsAndTimeouts() {
        byte[] pw = "pw".getBytes(StandardCharsets.US_ASCII);
        d.same("owner password", Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], pw));
        Session[] s = startBoth(Start.policy().hash(ALG_SHA384));
        same("PolicySecret wrong password", i -> PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER,
                Auth.password(new byte[0]), s[i].handle, new byte[0], new byte[0], REF, 0));
        same("PolicySecret stale nonce", i -> PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(pw),
                s[i].handle, new byte[48], new byte[0], REF, 0));
        same("PolicySecret cpHash size", i -> PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER, Auth.password(pw),
                s[i].handle, new byte[0], new byte[32], REF, 0));
        Result[] r = same("PolicySecret with a ticket", i -> PolicyCommands.secret(TpmHandles.RH_OWNER, OWNER,
                Auth.of(clients[i].start(Start.hmac()), 0, OWNER, pw), s[i].handle, s[i].nonceTPM, new byte[48], REF,
                -100));
        for (int i = 0; i < 2; i++) {
            ByteBuffer out = r[i].reader();
            byte[] timeout = SessionClient.get2b(out);
            int tag = out.getShort() & 0xFFFF;
            int hierarchy = out.getInt();
            byte[] ticket = SessionClient.get2b(out);
            assertThat(timeout).hasSize(8);
            assertThat(tag).isEqualTo(0x8023);
            assertThat(hierarchy).isEqualTo(TpmHandles.RH_OWNER);
            assertThat(ticket).hasSize(64);
            int side = i;
            Session[] other = {null, null};
            other[side] = clients[side].start(Start.policy().hash(ALG_SHA384));
            Result ok = clients[side].call(PolicyCommands.ticket(other[side].handle, timeout, new byte[48], REF, OWNER,
                    tag, hierarchy, ticket));
            assertThat(ok.rc()).as("ticket replay on " + side).isZero();
            byte[] forged = ticket.clone();
            forged[0] ^= 1;
            assertThat(clients[side].call(PolicyCommands.ticket(other[side].handle, timeout, new byte[48], REF, OWNER,
                    tag, hierarchy, forged)).rc()).isEqualTo(0x5E0);
            Result digest = clients[side].call(PolicyCommands.getDigest(other[side].handle));
            assertThat(SessionClient.get2b(digest.reader())).isEqualTo(new PolicyCalc(ALG_SHA384)
                    .secret(new PolicyCalc(ALG_SHA384).zero(), OWNER, REF));
            d.both(Commands.flushContext(other[side].handle));
        }
        Session[] trial = startBoth(Start.trial());
        same("PolicyTicket in a trial session", i -> PolicyCommands.ticket(trial[i].handle, new byte[8], new byte[0],
                REF, OWNER, 0x8023, TpmHandles.RH_OWNER, new byte[64]));
        same("PolicyTicket wrong timeout size", i -> PolicyCommands.ticket(s[i].handle, new byte[7], new byte[0],
                REF, OWNER, 0x8023, TpmHandles.RH_OWNER, new byte[64]));
        same("PolicyTicket wrong tag", i -> PolicyCommands.ticket(s[i].handle, new byte[8], new byte[0],
                REF, OWNER, 0x8022, TpmHandles.RH_OWNER, new byte[64]));
    }

    @Test
    void argumentChecks() {
        Session[] t = startBoth(Start.policy());
        Session[] u = startBoth(Start.policy());
        Session[] hmac = startBoth(Start.hmac());
        same("PolicyCommandCode", i -> PolicyCommands.commandCode(t[i].handle, TpmCc.CLOCK_SET));
        same("PolicyCommandCode conflicting", i -> PolicyCommands.commandCode(t[i].handle, TpmCc.PCR_EXTEND));
        same("PolicyCommandCode unknown", i -> PolicyCommands.commandCode(u[i].handle, 0x0100));
        same("PolicyLocality 0", i -> PolicyCommands.locality(u[i].handle, 0));
        same("PolicyLocality 1", i -> PolicyCommands.locality(u[i].handle, 1));
        same("PolicyLocality disjoint", i -> PolicyCommands.locality(u[i].handle, 2));
        same("PolicyLocality extended after normal", i -> PolicyCommands.locality(u[i].handle, 0x80));
        same("PolicyOR one entry", i -> PolicyCommands.or(u[i].handle, new byte[32]));
        same("PolicyOR nine entries", i -> PolicyCommands.or(u[i].handle, new byte[9][32]));
        same("PolicyOR no match", i -> PolicyCommands.or(u[i].handle, new byte[32], new byte[20]));
        same("PolicyCounterTimer offset", i -> PolicyCommands.counterTimer(u[i].handle, new byte[1], 26, 0));
        same("PolicyCounterTimer range", i -> PolicyCommands.counterTimer(u[i].handle, new byte[8], 18, 0));
        same("PolicyCounterTimer operation", i -> PolicyCommands.counterTimer(u[i].handle, new byte[8], 0, 12));
        same("PolicyCounterTimer condition", i -> PolicyCommands.counterTimer(u[i].handle, new byte[8], 8, 5));
        same("PolicyCounterTimer resetCount > 0", i -> PolicyCommands.counterTimer(u[i].handle, new byte[4], 16, 3));
        same("PolicyCounterTimer signed", i -> PolicyCommands.counterTimer(u[i].handle,
                new byte[] {(byte) 0x80, 0, 0, 0}, 16, 2));
        same("PolicyCpHash size", i -> PolicyCommands.cpHash(u[i].handle, new byte[20]));
        same("PolicyCpHash", i -> PolicyCommands.cpHash(u[i].handle, new byte[32]));
        same("PolicyCpHash different", i -> PolicyCommands.cpHash(u[i].handle, new byte[] {1, 2, 3, 4, 5, 6, 7, 8,
            9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}));
        same("PolicyNameHash after cpHash", i -> PolicyCommands.nameHash(u[i].handle, new byte[32]));
        same("PolicyTemplate after cpHash", i -> PolicyCommands.template(u[i].handle, new byte[32]));
        same("PolicyDuplicationSelect after cpHash", i -> PolicyCommands.duplicationSelect(u[i].handle,
                new byte[0], OWNER, 0));
        same("PolicyDuplicationSelect after commandCode", i -> PolicyCommands.duplicationSelect(t[i].handle,
                new byte[0], OWNER, 0));
        same("PolicyDuplicationSelect includeObject 2", i -> PolicyCommands.duplicationSelect(t[i].handle,
                new byte[0], OWNER, 2));
        same("PolicyNvWritten yes", i -> PolicyCommands.nvWritten(t[i].handle, 1));
        same("PolicyNvWritten no", i -> PolicyCommands.nvWritten(t[i].handle, 0));
        same("PolicyNvWritten 2", i -> PolicyCommands.nvWritten(t[i].handle, 2));
        same("PolicyTemplate size", i -> PolicyCommands.template(t[i].handle, new byte[31]));
        same("PolicyAuthorize short keySign", i -> PolicyCommands.authorize(t[i].handle, new byte[0], REF,
                new byte[] {0, 0x0B}, TpmHandles.RH_OWNER, new byte[0]));
        same("PolicyAuthorize bad keySign hash", i -> PolicyCommands.authorize(t[i].handle, new byte[0], REF,
                new byte[] {0, 0x12, 1}, TpmHandles.RH_OWNER, new byte[0]));
        same("PolicyAuthorize other approved policy", i -> PolicyCommands.authorize(t[i].handle, new byte[32], REF,
                SessionClient.concat(new byte[] {0, 4}, new byte[20]), TpmHandles.RH_OWNER, new byte[0]));
        same("PolicyAuthorize bad ticket", i -> PolicyCommands.authorize(u[i].handle, new byte[32], REF,
                SessionClient.concat(new byte[] {0, 4}, new byte[20]), TpmHandles.RH_NULL, new byte[0]));
        same("policy command on an HMAC session", i -> PolicyCommands.authValue(hmac[i].handle));
        same("policy command on the HMAC session as a policy handle", i -> PolicyCommands.authValue(
                hmac[i].handle & 0xFFFFFF | 0x03000000));
        same("policy command on a session that is not loaded", i -> PolicyCommands.authValue(0x03000030));
        same("policy session authorizing a PCR without policy", i -> new Call(TpmCc.PCR_EXTEND).handle(16)
                .auth(Auth.of(t[i], CONTINUE, 16, new byte[0])).params(new byte[4]));
    }
}
