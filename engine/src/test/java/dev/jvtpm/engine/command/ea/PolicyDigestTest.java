package dev.jvtpm.engine.command.ea;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every TPM2_Policy* command extends the policyDigest as Part 3 §23 specifies, in policy and in
 * trial sessions alike (the trial digest is what a policy author computes, the real one what
 * authorization compares): the expected digests come from {@link PolicyCalc}.
 */
class PolicyDigestTest {
    private static final byte[] REF = "policy-ref".getBytes(StandardCharsets.US_ASCII);

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    static Stream<Arguments> sessions() {
        return Stream.of(ALG_SHA1, ALG_SHA256, ALG_SHA384).flatMap(alg -> Stream.of(
                Arguments.of(alg, true), Arguments.of(alg, false)));
    }

    private Session start(int alg, boolean trial) {
        return client.start((trial ? Start.trial() : Start.policy()).hash(alg));
    }

    private byte[] digest(Session s) {
        Result r = client.call(PolicyCommands.getDigest(s.handle));
        assertThat(r.rc()).isZero();
        return SessionClient.get2b(r.reader());
    }

    private void ok(Call c) {
        assertThat(String.format("0x%03X", client.call(c).rc())).isEqualTo("0x000");
    }

    @ParameterizedTest(name = "hash {0} trial {1}")
    @MethodSource("sessions")
    void everyCommandExtendsTheDigestAsSpecified(int alg, boolean trial) {
        PolicyCalc p = new PolicyCalc(alg);
        Session s = start(alg, trial);
        byte[] d = p.zero();
        assertThat(digest(s)).isEqualTo(d);

        ok(PolicyCommands.authValue(s.handle));
        d = p.authValue(d);
        ok(PolicyCommands.commandCode(s.handle, TpmCc.HIERARCHY_CHANGE_AUTH));
        d = p.commandCode(d, TpmCc.HIERARCHY_CHANGE_AUTH);
        ok(PolicyCommands.locality(s.handle, 0x03));
        d = p.locality(d, 0x03);
        ok(PolicyCommands.locality(s.handle, 0x01));
        d = p.locality(d, 0x01);
        ok(PolicyCommands.physicalPresence(s.handle));
        d = p.physicalPresence(d);
        ok(PolicyCommands.nvWritten(s.handle, 1));
        d = p.nvWritten(d, true);
        byte[] safe = {1};
        ok(PolicyCommands.counterTimer(s.handle, safe, 24, 0));
        d = p.counterTimer(d, safe, 24, 0);
        ok(PolicyCommands.pcr(s.handle, new byte[0], ALG_SHA256, 0x010007));
        byte[] pcrs = SessionClient.hash(alg, h.pcr(ALG_SHA256, 0), h.pcr(ALG_SHA256, 1), h.pcr(ALG_SHA256, 2),
                h.pcr(ALG_SHA256, 16));
        d = p.pcr(d, PolicyCommands.selection(ALG_SHA256, 0x010007), pcrs);
        ok(PolicyCommands.password(s.handle));
        d = p.password(d);
        byte[] cp = SessionClient.hash(alg, "command".getBytes(StandardCharsets.US_ASCII));
        ok(PolicyCommands.cpHash(s.handle, cp));
        ok(PolicyCommands.cpHash(s.handle, cp));
        d = p.cpHash(p.cpHash(d, cp), cp);
        ok(PolicyCommands.secret(TpmHandles.RH_OWNER, SessionClient.handleName(TpmHandles.RH_OWNER),
                Auth.password(new byte[0]), s.handle, new byte[0], new byte[0], REF, 0));
        d = p.secret(d, SessionClient.handleName(TpmHandles.RH_OWNER), REF);
        assertThat(digest(s)).isEqualTo(d);

        byte[] other = SessionClient.hash(alg, REF);
        ok(PolicyCommands.or(s.handle, other, d));
        d = p.or(other, d);
        assertThat(digest(s)).isEqualTo(d);

        ok(PolicyCommands.restart(s.handle));
        assertThat(digest(s)).isEqualTo(p.zero());
    }

    @ParameterizedTest(name = "hash {0} trial {1}")
    @MethodSource("sessions")
    void nameHashTemplateAndDuplicationSelect(int alg, boolean trial) {
        PolicyCalc p = new PolicyCalc(alg);
        byte[] x = SessionClient.hash(alg, REF);
        Session a = start(alg, trial);
        ok(PolicyCommands.nameHash(a.handle, x));
        assertThat(digest(a)).isEqualTo(p.nameHash(p.zero(), x));
        Session b = start(alg, trial);
        ok(PolicyCommands.template(b.handle, x));
        ok(PolicyCommands.template(b.handle, x));
        assertThat(digest(b)).isEqualTo(p.template(p.template(p.zero(), x), x));
        Session c = start(alg, trial);
        byte[] object = SessionClient.concat(new byte[] {0, 0x0B}, SessionClient.hash(ALG_SHA256, REF));
        byte[] parent = SessionClient.handleName(TpmHandles.RH_OWNER);
        ok(PolicyCommands.duplicationSelect(c.handle, object, parent, 1));
        assertThat(digest(c)).isEqualTo(p.duplicationSelect(p.zero(), object, parent, true));
        ok(PolicyCommands.restart(c.handle));
        ok(PolicyCommands.duplicationSelect(c.handle, object, parent, 0));
        assertThat(digest(c)).isEqualTo(p.duplicationSelect(p.zero(), object, parent, false));
    }

    @ParameterizedTest(name = "hash {0} trial {1}")
    @MethodSource("sessions")
    void policyAuthorizeWithAVerifiedTicket(int alg, boolean trial) {
        PolicyCalc p = new PolicyCalc(alg);
        Session s = start(alg, trial);
        ok(PolicyCommands.authValue(s.handle));
        byte[] approved = p.authValue(p.zero());
        byte[] keySign = SessionClient.concat(new byte[] {0, 0x0B}, SessionClient.hash(ALG_SHA256, REF));
        // TPMT_TK_VERIFIED as TPM2_VerifySignature makes it: HMAC(ownerProof, TPM_ST_VERIFIED ‖ aHash ‖ keySign).
        TpmCore core = TpmInternals.core(h.tpm());
        byte[] aHash = SessionClient.hash(ALG_SHA256, approved, REF);
        byte[] ticket = SessionClient.hmac(SessionClient.ALG_SHA512, core.gp.storageProof,
                new byte[] {(byte) 0x80, 0x22}, aHash, keySign);
        byte[] wrong = ticket.clone();
        wrong[0] ^= 1;
        int rc = client.call(PolicyCommands.authorize(s.handle, approved, REF, keySign, TpmHandles.RH_OWNER, wrong))
                .rc();
        assertThat(rc).isEqualTo(trial ? 0 : 0x4C4);
        if (!trial) {
            ok(PolicyCommands.authorize(s.handle, approved, REF, keySign, TpmHandles.RH_OWNER, ticket));
        }
        assertThat(digest(s)).isEqualTo(p.authorize(keySign, REF));
    }

    @ParameterizedTest(name = "hash {0} trial {1}")
    @MethodSource("sessions")
    void policySecretTicketsReplayThroughPolicyTicket(int alg, boolean trial) {
        PolicyCalc p = new PolicyCalc(alg);
        Session s = start(alg, trial);
        byte[] ownerName = SessionClient.handleName(TpmHandles.RH_OWNER);
        Result r = client.call(PolicyCommands.secret(TpmHandles.RH_OWNER, ownerName, Auth.password(new byte[0]),
                s.handle, s.nonceTPM, new byte[0], REF, -60));
        assertThat(r.rc()).isZero();
        ByteBuffer out = r.reader();
        byte[] timeout = SessionClient.get2b(out);
        int tag = out.getShort() & 0xFFFF;
        int hierarchy = out.getInt();
        byte[] ticket = SessionClient.get2b(out);
        assertThat(tag).isEqualTo(0x8023);
        if (trial) {
            assertThat(timeout).isEmpty();
            assertThat(hierarchy).isEqualTo(TpmHandles.RH_NULL);
            assertThat(ticket).isEmpty();
            assertThat(digest(s)).isEqualTo(p.secret(p.zero(), ownerName, REF));
            assertThat(client.call(PolicyCommands.ticket(s.handle, new byte[8], new byte[0], REF, ownerName, tag,
                    TpmHandles.RH_OWNER, new byte[64])).rc()).isEqualTo(0x182);
            return;
        }
        // timeout = startTime + 60 s, bound to this epoch but not to the reset count (nonce given).
        assertThat(timeout).hasSize(8);
        long t = ByteBuffer.wrap(timeout).getLong();
        assertThat(t & (1L << 63)).isZero();
        assertThat(hierarchy).isEqualTo(TpmHandles.RH_OWNER);
        TpmCore core = TpmInternals.core(h.tpm());
        byte[] expected = SessionClient.hmac(SessionClient.ALG_SHA512, core.gp.storageProof,
                new byte[] {(byte) 0x80, 0x23}, new byte[0], REF, ownerName, timeout,
                ByteBuffer.allocate(4).putInt((int) core.ga.timeEpoch).array());
        assertThat(ticket).isEqualTo(expected);

        Session other = start(alg, false);
        Result replay = client.call(PolicyCommands.ticket(other.handle, timeout, new byte[0], REF, ownerName, tag,
                hierarchy, ticket));
        assertThat(replay.rc()).isZero();
        assertThat(digest(other)).isEqualTo(p.secret(p.zero(), ownerName, REF));
        byte[] forged = ticket.clone();
        forged[5] ^= 1;
        assertThat(client.call(PolicyCommands.ticket(other.handle, timeout, new byte[0], REF, ownerName, tag,
                hierarchy, forged)).rc()).isEqualTo(0x5E0);
        assertThat(client.call(PolicyCommands.ticket(other.handle, new byte[4], new byte[0], REF, ownerName, tag,
                hierarchy, ticket)).rc()).isEqualTo(0x1D5);
    }
}
