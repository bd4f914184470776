package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA512;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT_EXCLUSIVE;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT_RESET;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static dev.jvtpm.engine.testing.AuditCommands.getCommandAuditDigest;
import static dev.jvtpm.engine.testing.AuditCommands.setCommandCodeAuditStatus;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.TpmInternals;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Audit (Part 1 §17): audit sessions (digest = H(digest ‖ cpHash ‖ rpHash) from zeros, exclusivity,
 * auditReset), command audit (counter, hash change, list), TPM2_GetSessionAuditDigest and
 * TPM2_GetCommandAuditDigest with the NULL signer (obfuscated counters). Expected digests come
 * from the client's own cpHash/rpHash computation.
 */
class AuditTest {
    private static final byte[] DATA = "audited".getBytes(StandardCharsets.US_ASCII);

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    private static byte[] hashParams() {
        return ByteBuffer.allocate(2 + DATA.length + 6).putShort((short) DATA.length).put(DATA)
                .putShort((short) ALG_SHA256).putInt(TpmHandles.RH_NULL).array();
    }

    /** H(digest ‖ cpHash ‖ rpHash) for one call the client made. */
    private static byte[] extend(int alg, byte[] digest, Call c, Result r, byte[] sentParams) {
        byte[] cp = SessionClient.cpHash(alg, c, sentParams);
        byte[] rp = SessionClient.hash(alg, ByteBuffer.allocate(8).putInt(0).putInt(ccOf(r.command())).array(),
                r.rawParameters());
        return SessionClient.hash(alg, digest, cp, rp);
    }

    private static int ccOf(byte[] command) {
        return ByteBuffer.wrap(command).getInt(6);
    }

    /** The TPMS_ATTEST of a GetSessionAuditDigest / GetCommandAuditDigest response. */
    record Attest(int type, byte[] signer, long clock, int resetCount, int restartCount, long firmware,
                  ByteBuffer attested) {}

    private static Attest attest(Result r) {
        ByteBuffer p = r.reader();
        ByteBuffer a = ByteBuffer.wrap(SessionClient.get2b(p));
        assertThat(p.getShort()).as("NULL signature").isEqualTo((short) 0x0010);
        assertThat(a.getInt()).isEqualTo(0xFF544347);
        int type = a.getShort() & 0xFFFF;
        byte[] signer = SessionClient.get2b(a);
        SessionClient.get2b(a);
        long clock = a.getLong();
        int reset = a.getInt();
        int restart = a.getInt();
        a.get();
        long fw = a.getLong();
        return new Attest(type, signer, clock, reset, restart, fw, a);
    }

    private Result sessionAuditDigest(int session) {
        return client.call(new Call(TpmCc.GET_SESSION_AUDIT_DIGEST).handle(TpmHandles.RH_ENDORSEMENT)
                .handle(TpmHandles.RH_NULL).handle(session).auth(Auth.password(new byte[0]))
                .auth(Auth.password(new byte[0])).params(new byte[] {0, 0, 0, 0x10}));
    }

    private Result commandAuditDigest() {
        return client.call(getCommandAuditDigest());
    }

    @Test
    void anAuditSessionExtendsItsDigestAndReportsExclusivity() {
        Session s = client.start(Start.hmac());
        byte[] digest = new byte[32];
        for (int i = 0; i < 3; i++) {
            Call c = new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | AUDIT)).params(hashParams());
            Result r = client.call(c);
            assertThat(r.rc()).isZero();
            assertThat(r.attributes()[0] & AUDIT_EXCLUSIVE).isEqualTo(AUDIT_EXCLUSIVE);
            digest = extend(ALG_SHA256, digest, c, r, hashParams());
        }
        // The first use with auditExclusive asked for it: still exclusive, so accepted.
        Call c = new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | AUDIT | AUDIT_EXCLUSIVE)).params(hashParams());
        Result r = client.call(c);
        assertThat(r.rc()).isZero();
        digest = extend(ALG_SHA256, digest, c, r, hashParams());

        Attest a = attest(sessionAuditDigest(s.handle));
        assertThat(a.type()).isEqualTo(0x8016);
        assertThat(a.signer()).isEqualTo(SessionClient.handleName(TpmHandles.RH_NULL));
        assertThat(a.attested().get()).as("exclusiveSession").isEqualTo((byte) 1);
        assertThat(SessionClient.get2b(a.attested())).isEqualTo(digest);

        // GetSessionAuditDigest itself ran without the audit session: exclusivity is over.
        assertThat(attest(sessionAuditDigest(s.handle)).attested().get()).isZero();
        Result notExclusive = client.call(new Call(TpmCc.HASH)
                .auth(Auth.extra(s, CONTINUE | AUDIT | AUDIT_EXCLUSIVE)).params(hashParams()));
        assertThat(notExclusive.rc()).isEqualTo(0x121);
        Result plain = client.call(new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | AUDIT)).params(hashParams()));
        assertThat(plain.attributes()[0] & AUDIT_EXCLUSIVE).isZero();

        // auditReset starts again from zeros and makes it exclusive again.
        c = new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | AUDIT | AUDIT_RESET)).params(hashParams());
        r = client.call(c);
        assertThat(r.attributes()[0] & AUDIT_EXCLUSIVE).isEqualTo(AUDIT_EXCLUSIVE);
        byte[] restarted = extend(ALG_SHA256, new byte[32], c, r, hashParams());
        Attest after = attest(sessionAuditDigest(s.handle));
        assertThat(after.attested().get()).isEqualTo((byte) 1);
        assertThat(SessionClient.get2b(after.attested())).isEqualTo(restarted);
    }

    @Test
    void anAuthorizationSessionCanAuditAndAuditingUnbindsIt() {
        byte[] pw = "pw".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], pw)));
        Session s = client.start(Start.hmac().hash(ALG_SHA512).bind(TpmHandles.RH_OWNER, pw));
        Call c = new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s, CONTINUE | AUDIT, TpmHandles.RH_OWNER, pw)).params(SessionClient.tpm2b(pw));
        Result r = client.call(c);
        assertThat(r.rc()).isZero();
        byte[] digest = extend(ALG_SHA512, new byte[64], c, r, SessionClient.tpm2b(pw));
        // The session is no longer bound: the owner's authValue is now part of its HMAC key.
        s.unbind();
        c = new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s, CONTINUE | AUDIT, TpmHandles.RH_OWNER, pw)).params(SessionClient.tpm2b(pw));
        r = client.call(c);
        assertThat(r.rc()).isZero();
        digest = extend(ALG_SHA512, digest, c, r, SessionClient.tpm2b(pw));
        Attest a = attest(sessionAuditDigest(s.handle));
        assertThat(a.attested().get()).as("exclusiveSession").isEqualTo((byte) 1);
        assertThat(SessionClient.get2b(a.attested())).isEqualTo(digest);
    }

    @Test
    void sessionAuditDigestChecks() {
        Session s = client.start(Start.hmac());
        Session policy = client.start(Start.policy());
        // Not used for audit yet: TPM_RC_TYPE at handle 3.
        assertThat(sessionAuditDigest(s.handle).rc()).isEqualTo(0x38A);
        // sessionHandle must be an HMAC session.
        assertThat(sessionAuditDigest(policy.handle).rc()).isEqualTo(0x384);
        assertThat(sessionAuditDigest(policy.handle & 0xFFFFFF | 0x02000000).rc()).isEqualTo(0x38B);
    }

    @Test
    void theNullSignersCountersAreObfuscatedWithTheStorageProof() {
        Session s = client.start(Start.hmac());
        client.call(new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | AUDIT)).params(hashParams()));
        Attest a = attest(sessionAuditDigest(s.handle));
        TpmCore core = TpmInternals.core(h.tpm());
        byte[] o = SessionClient.kdfa(ALG_SHA512, core.gp.storageProof, "OBFUSCATE",
                SessionClient.handleName(TpmHandles.RH_NULL), new byte[0], 128);
        ByteBuffer le = ByteBuffer.wrap(o).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        long o0 = le.getLong();
        long o1 = le.getLong();
        long firmware = ((long) core.config.identity().firmwareVersion1() << 32)
                | (core.config.identity().firmwareVersion2() & 0xFFFFFFFFL);
        assertThat(a.firmware()).isEqualTo(firmware + o0);
        assertThat(a.resetCount()).isEqualTo((int) core.gp.resetCount + (int) (o1 >>> 32));
        assertThat(a.restartCount()).isEqualTo((int) core.gr.restartCount + (int) o1);
        assertThat(a.clock()).isEqualTo(core.go.clock);
    }

    private List<Integer> auditedCommands() {
        return h.capabilityList(TpmCap.AUDIT_COMMANDS, 0, 254);
    }

    @Test
    void commandAuditDigestCounterAndList() throws Exception {
        assertThat(auditedCommands()).containsExactly(TpmCc.SET_COMMAND_CODE_AUDIT_STATUS);
        Call set = setCommandCodeAuditStatus(0x0010, new int[] {TpmCc.HASH, TpmCc.SHUTDOWN, 0x0999}, new int[] {
            TpmCc.SET_COMMAND_CODE_AUDIT_STATUS});
        Result r = client.call(set);
        assertThat(r.rc()).isZero();
        assertThat(auditedCommands()).containsExactly(TpmCc.SET_COMMAND_CODE_AUDIT_STATUS, TpmCc.HASH);
        byte[] digest = extend(ALG_SHA512, new byte[64], set, r, set.parameters());
        Call hash = new Call(TpmCc.HASH).params(hashParams());
        Result hr = client.call(hash);
        digest = extend(ALG_SHA512, digest, hash, hr, hashParams());

        Result got = commandAuditDigest();
        Attest a = attest(got);
        assertThat(a.type()).isEqualTo(0x8015);
        assertThat(a.attested().getLong()).as("auditCounter").isEqualTo(1);
        assertThat(a.attested().getShort()).as("digestAlg").isEqualTo((short) ALG_SHA512);
        assertThat(SessionClient.get2b(a.attested())).as("auditDigest").isEqualTo(digest);
        assertThat(SessionClient.get2b(a.attested())).as("commandDigest").isEqualTo(SessionClient.hash(ALG_SHA512,
                ByteBuffer.allocate(8).putInt(TpmCc.SET_COMMAND_CODE_AUDIT_STATUS).putInt(TpmCc.HASH).array()));
        // Unsigned: the digest goes on.
        ByteBuffer again = attest(commandAuditDigest()).attested();
        again.getLong();
        again.getShort();
        assertThat(SessionClient.get2b(again)).isEqualTo(digest);

        // A new audit hash: not with list changes; then this command ends the digest.
        assertThat(client.call(setCommandCodeAuditStatus(ALG_SHA256, new int[] {TpmCc.HASH}, new int[0])).rc())
                .isEqualTo(0x1C4);
        assertThat(client.call(setCommandCodeAuditStatus(ALG_SHA256, new int[0], new int[0])).rc()).isZero();
        Attest changed = attest(commandAuditDigest());
        assertThat(changed.attested().getLong()).isEqualTo(1);
        assertThat(changed.attested().getShort()).isEqualTo((short) ALG_SHA256);
        assertThat(SessionClient.get2b(changed.attested())).isEmpty();
        hr = client.call(hash);
        byte[] second = extend(ALG_SHA256, new byte[32], hash, hr, hashParams());
        Attest restarted = attest(commandAuditDigest());
        assertThat(restarted.attested().getLong()).isEqualTo(2);
        restarted.attested().getShort();
        assertThat(SessionClient.get2b(restarted.attested())).isEqualTo(second);
    }

    @Test
    void auditListsAreLimited() {
        assertThat(client.call(setCommandCodeAuditStatus(0x0010, new int[255], new int[0])).rc()).isEqualTo(0x2D5);
        assertThat(client.call(setCommandCodeAuditStatus(0x0099, new int[0], new int[0])).rc()).isEqualTo(0x1C3);
    }
}
