package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA512;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static dev.jvtpm.engine.testing.SessionClient.DECRYPT;
import static dev.jvtpm.engine.testing.SessionClient.ENCRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * HMAC sessions and parameter encryption against swtpm 0.7.1. Nonces are random, so the same
 * command bytes cannot go to both TPMs: a client session engine per TPM computes the HMACs and
 * encryption for whichever TPM it talks to, and the test compares response codes, session handles
 * and decrypted outputs of the same logical flows - successes and every kind of failure.
 */
class SessionsDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] DATA = "differential session data".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OWNER_PW = "owner".getBytes(StandardCharsets.US_ASCII);

    /** The audit and continueSession attributes of each response are part of what is compared. */
    @Override
    protected boolean comparesAttributes() {
        return true;
    }

    /** Starts a session on both and compares; a session that started is flushed again. */
    private int startRc(String what, Start s) {
        SessionClient.Started a = clients[0].tryStart(s);
        SessionClient.Started b = clients[1].tryStart(s);
        assertThat(b.rc()).as(what).isEqualTo(a.rc());
        if (a.rc() == 0) {
            assertThat(b.session().handle).as(what + ": handle").isEqualTo(a.session().handle);
            d.same(what + ": flush", Commands.flushContext(a.session().handle));
        }
        return a.rc();
    }

    private static byte[] pcrExtendParams() {
        return ByteBuffer.allocate(4 + 2 + 32).putInt(1).putShort((short) ALG_SHA256).array();
    }

    private static Call pcrExtend(Auth a) {
        return new Call(TpmCc.PCR_EXTEND).handle(16).auth(a).params(pcrExtendParams());
    }

    private static byte[] hashParams(byte[] data, int alg) {
        return ByteBuffer.allocate(2 + data.length + 6).putShort((short) data.length).put(data)
                .putShort((short) alg).putInt(TpmHandles.RH_NULL).array();
    }

    @Test
    void startAuthSessionVariantsAndErrors() {
        startBoth("HMAC SHA-256", Start.hmac());
        startBoth("policy SHA-1 20-byte nonce", Start.policy().hash(ALG_SHA1).nonce(new byte[20]));
        startBoth("trial SHA-512", Start.trial().hash(ALG_SHA512));
        SessionClient.Started a = clients[0].tryStart(Start.hmac());
        SessionClient.Started b = clients[1].tryStart(Start.hmac());
        assertThat(b.rc()).as("fourth loaded session").isEqualTo(a.rc()).isEqualTo(0x903);
        d.same("flush 0x03000001", Commands.flushContext(0x03000001));
        startBoth("bound to owner, AES-128", Start.hmac().aes(128).bind(TpmHandles.RH_OWNER, new byte[0]));
        for (int h = 0x02000000; h <= 0x02000002; h++) {
            d.same("FlushContext " + Integer.toHexString(h), Commands.flushContext(h));
            d.same("FlushContext again", Commands.flushContext(h));
        }
        d.same("FlushContext 0x03000000", Commands.flushContext(0x03000000));
        startRc("nonce 15 bytes", Start.hmac().nonce(new byte[15]));
        startRc("nonce 33 bytes", Start.hmac().nonce(new byte[33]));
        startRc("SHA-384 nonce 48 bytes", Start.hmac().hash(ALG_SHA384).nonce(new byte[48]));
        startRc("salt without key", Start.hmac().salt(TpmHandles.RH_NULL, new byte[0], new byte[] {1}));
        startRc("XOR SHA-384 policy", Start.policy().xor(ALG_SHA384));
        startRc("AES-256 trial", Start.trial().aes(256));
        startRc("bound to lockout", Start.hmac().bind(TpmHandles.RH_LOCKOUT, new byte[0]));
        startRc("bound to PCR 7", Start.hmac().bind(7, new byte[0]));
        startRc("bound to endorsement SHA-1", Start.hmac().hash(ALG_SHA1).bind(TpmHandles.RH_ENDORSEMENT, new byte[0]));
        startRc("bound to platform", Start.hmac().bind(TpmHandles.RH_PLATFORM, new byte[0]));
        for (String raw : new String[] {
            "00 0006 0080 0041 000b", // AES OFB
            "00 0006 0080 0010 000b", // AES mode NULL
            "00 0006 00c0 0043 000b", // AES-192
            "00 0006 0080 0099 000b", // bad mode
            "00 000a 0010 000b",      // XOR with NULL hash
            "00 0010 0010",           // authHash NULL
            "02 0010 000b",           // session type 2
            "01 0010 0012",           // SM3
        }) {
            byte[] cmd = Commands.build(0x8001, TpmCc.START_AUTH_SESSION, w -> {
                w.u32(TpmHandles.RH_NULL).u32(TpmHandles.RH_NULL).tpm2b(new byte[16]).u16(0)
                        .bytes(HexFormat.of().parseHex(raw.replace(" ", "")));
            });
            d.sameCode("StartAuthSession " + raw, cmd);
        }
        d.same("TPM_CAP_HANDLES loaded sessions", Commands.getCapability(TpmCap.HANDLES, 0x02000000, 64));
        d.same("TPM_CAP_HANDLES saved sessions", Commands.getCapability(TpmCap.HANDLES, 0x03000000, 64));
        d.same("HR_LOADED..", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.HR_LOADED, 4));
    }

    @Test
    void hmacAuthorizationFlows() {
        d.same("owner password", Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], OWNER_PW));
        Session[] unbound = startBoth("unbound", Start.hmac());
        same("empty key, empty HMAC", i -> pcrExtend(Auth.of(unbound[i], CONTINUE, 16, new byte[0])));
        same("empty key, computed HMAC", i -> pcrExtend(Auth.of(unbound[i], CONTINUE, 16, new byte[0]).alwaysHmac()));
        same("empty key, wrong HMAC", i -> pcrExtend(Auth.of(unbound[i], CONTINUE, 16, new byte[0])
                .hmac(new byte[32])));
        d.same("PCR 16 after the extends", Commands.pcrRead(ALG_SHA256, 1 << 16));
        byte[] next = "owner2".getBytes(StandardCharsets.US_ASCII);
        same("HierarchyChangeAuth owner via HMAC", i -> new Call(TpmCc.HIERARCHY_CHANGE_AUTH)
                .handle(TpmHandles.RH_OWNER).auth(Auth.of(unbound[i], CONTINUE, TpmHandles.RH_OWNER, OWNER_PW)
                        .responseAuth(next)).params(SessionClient.tpm2b(next)));
        same("wrong owner auth", i -> new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(unbound[i], CONTINUE, TpmHandles.RH_OWNER, OWNER_PW)).params(SessionClient.tpm2b(next)));
        Session[] bound = startBoth("bound to owner", Start.hmac().bind(TpmHandles.RH_OWNER, next));
        same("bound entity", i -> new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(bound[i], CONTINUE, TpmHandles.RH_OWNER, next)).params(SessionClient.tpm2b(next)));
        same("other entity", i -> pcrExtend(Auth.of(bound[i], CONTINUE, 16, new byte[0])));
        Session[] wrongBind = startBoth("bound with a wrong authValue",
                Start.hmac().bind(TpmHandles.RH_OWNER, OWNER_PW));
        same("wrong bind", i -> pcrExtend(Auth.of(wrongBind[i], CONTINUE, 16, new byte[0])));
        // Reused nonce.
        byte[][] old = {bound[0].nonceTPM, bound[1].nonceTPM};
        same("fresh nonce", i -> pcrExtend(Auth.of(bound[i], CONTINUE, 16, new byte[0])));
        byte[][] fresh = {bound[0].nonceTPM, bound[1].nonceTPM};
        bound[0].nonceTPM = old[0];
        bound[1].nonceTPM = old[1];
        same("reused nonceTPM", i -> pcrExtend(Auth.of(bound[i], CONTINUE, 16, new byte[0])));
        bound[0].nonceTPM = fresh[0];
        bound[1].nonceTPM = fresh[1];
        // continueSession clear ends the session; afterwards it is not loaded.
        same("last use", i -> pcrExtend(Auth.of(bound[i], 0, 16, new byte[0])));
        same("flushed session", i -> pcrExtend(Auth.of(bound[i], CONTINUE, 16, new byte[0])));
        d.same("flush the ended session", Commands.flushContext(bound[0].handle));
        d.same("PCR 16 at the end", Commands.pcrRead(ALG_SHA256, 1 << 16));
    }

    @Test
    void daConsequencesOfSessions() {
        Session[] lockoutBound = startBoth("bound to lockout", Start.hmac().bind(TpmHandles.RH_LOCKOUT, new byte[0]));
        same("wrong HMAC on a session bound to lockout", i -> pcrExtend(Auth.of(lockoutBound[i], CONTINUE, 16,
                new byte[0]).hmac(new byte[32])));
        same("lockout-bound session after that", i -> pcrExtend(Auth.of(lockoutBound[i], CONTINUE, 16,
                new byte[0])));
        d.same("lockoutAuth by password", Commands.hierarchyChangeAuth(TpmHandles.RH_LOCKOUT, new byte[0],
                new byte[0]));
        Session[] s = startBoth("unbound", Start.hmac());
        same("wrong HMAC for owner", i -> new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s[i], CONTINUE, TpmHandles.RH_OWNER, OWNER_PW)).params(SessionClient.tpm2b(DATA)));
    }

    @Test
    void sessionChecks() {
        Session[] trial = startBoth("trial", Start.trial());
        Session[] policy = startBoth("policy", Start.policy());
        Session[] hmac = startBoth("hmac", Start.hmac().aes(128));
        same("trial authorizes", i -> pcrExtend(Auth.of(trial[i], CONTINUE, 16, new byte[0])));
        same("trial encrypts", i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(trial[i], CONTINUE | ENCRYPT))
                .params(new byte[] {0, 8}));
        same("policy session without a policy", i -> pcrExtend(Auth.of(policy[i], CONTINUE, 16, new byte[0])));
        same("policy session audits", i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(policy[i], CONTINUE | AUDIT))
                .params(new byte[] {0, 8}));
        same("session twice", i -> pcrExtend(Auth.of(hmac[i], CONTINUE, 16, new byte[0]))
                .auth(Auth.extra(hmac[i], CONTINUE | AUDIT)));
        same("extra session without a purpose", i -> pcrExtend(Auth.password(new byte[0]))
                .auth(Auth.extra(hmac[i], CONTINUE)));
        same("password on a command without handles", i -> new Call(TpmCc.GET_RANDOM)
                .auth(Auth.password(new byte[0])).params(new byte[] {0, 8}));
        same("decrypt on PCR_Extend", i -> pcrExtend(Auth.of(hmac[i], CONTINUE | DECRYPT, 16, new byte[0])));
        same("encrypt on PCR_Extend", i -> pcrExtend(Auth.of(hmac[i], CONTINUE | ENCRYPT, 16, new byte[0])));
        same("two audit sessions", i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(hmac[i], CONTINUE | AUDIT))
                .auth(Auth.extra(trial[i], CONTINUE | AUDIT)).params(new byte[] {0, 8}));
        same("four sessions", i -> pcrExtend(Auth.password(new byte[0])).auth(Auth.extra(hmac[i], CONTINUE | AUDIT))
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0])));
        same("missing authorization", i -> new Call(TpmCc.PCR_EXTEND).handle(16)
                .auth(Auth.extra(hmac[i], CONTINUE | AUDIT)).params(pcrExtendParams()));
        d.same("FlushContext trial", Commands.flushContext(trial[0].handle));
        same("session not loaded", i -> pcrExtend(Auth.password(new byte[0])).auth(Auth.extra(trial[i], CONTINUE
                | AUDIT)));
    }

    @Test
    void parameterEncryptionBothDirections() {
        Start[] ciphers = {
            Start.hmac().aes(128), Start.hmac().aes(256).hash(ALG_SHA384), Start.hmac().xor(ALG_SHA256),
            Start.hmac().xor(ALG_SHA1).hash(ALG_SHA512), Start.hmac().aes(128).hash(ALG_SHA1)
                    .bind(TpmHandles.RH_ENDORSEMENT, new byte[0]),
        };
        for (Start c : ciphers) {
            Session[] s = startBoth("cipher session", c);
            Result[] r = same("Hash decrypt+encrypt", i -> new Call(TpmCc.HASH)
                    .auth(Auth.extra(s[i], CONTINUE | DECRYPT | ENCRYPT)).params(hashParams(DATA, ALG_SHA256)));
            assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SessionClient.get2b(r[0].reader()))
                    .isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
            Result[] g = same("GetRandom encrypted", i -> new Call(TpmCc.GET_RANDOM)
                    .auth(Auth.extra(s[i], CONTINUE | ENCRYPT)).params(new byte[] {0, 48}));
            assertThat(SessionClient.get2b(g[1].reader())).hasSize(48);
            same("PCR_Event with encrypted data", i -> new Call(TpmCc.PCR_EVENT).handle(16)
                    .auth(Auth.of(s[i], CONTINUE | DECRYPT, 16, new byte[0])).params(SessionClient.tpm2b(DATA)));
            d.same("PCR 16", Commands.pcrRead(ALG_SHA256, 1 << 16));
            d.same("flush", Commands.flushContext(s[0].handle));
        }
        Session[] auth = startBoth("auth", Start.hmac().bind(TpmHandles.RH_NULL, new byte[0]));
        Session[] dec = startBoth("decrypt", Start.hmac().xor(ALG_SHA256));
        Session[] enc = startBoth("encrypt", Start.hmac().aes(256));
        byte[] seqAuth = "seq".getBytes(StandardCharsets.US_ASCII);
        d.same("HashSequenceStart", Commands.hashSequenceStart(seqAuth, ALG_SHA256));
        int seq = 0x80000000;
        byte[] params = ByteBuffer.allocate(2 + DATA.length + 4).putShort((short) DATA.length).put(DATA)
                .putInt(TpmHandles.RH_NULL).array();
        Result[] r = same("SequenceComplete with auth, decrypt and encrypt sessions (extra nonces)",
                i -> new Call(TpmCc.SEQUENCE_COMPLETE).handle(seq, new byte[0])
                        .auth(Auth.of(auth[i], CONTINUE, new byte[0], seqAuth))
                        .auth(Auth.extra(dec[i], CONTINUE | DECRYPT))
                        .auth(Auth.extra(enc[i], CONTINUE | ENCRYPT)).params(params));
        assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
        byte[] tooLong = hashParams(DATA, ALG_SHA256);
        tooLong[0] = 0x7F;
        same("encrypted size larger than the parameters", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(enc[i], CONTINUE | DECRYPT)).params(tooLong));
        same("encrypted size of one more than the parameters", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(enc[i], CONTINUE | DECRYPT)).params(ByteBuffer.allocate(4).putShort((short) 3)
                        .putShort((short) 0).array()));
        same("encrypted size exactly the parameters", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(enc[i], CONTINUE | DECRYPT)).params(ByteBuffer.allocate(4).putShort((short) 2)
                        .putShort((short) 0).array()));
        same("no room for the size of the encrypted parameter", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(enc[i], CONTINUE | DECRYPT)).params(new byte[] {0}));
        same("no parameters at all", i -> new Call(TpmCc.HASH)
                .auth(Auth.extra(enc[i], CONTINUE | DECRYPT)).params(new byte[0]));
        same("two decrypt sessions", i -> new Call(TpmCc.HASH).auth(Auth.extra(enc[i], CONTINUE | DECRYPT))
                .auth(Auth.extra(dec[i], CONTINUE | DECRYPT)).params(hashParams(DATA, ALG_SHA256)));
    }
}
