package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.AUDIT;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static dev.jvtpm.engine.testing.SessionClient.DECRYPT;
import static dev.jvtpm.engine.testing.SessionClient.ENCRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.PolicyCalc;
import dev.jvtpm.engine.testing.PolicyCommands;
import dev.jvtpm.engine.testing.SaltClient;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Result;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Sessions with keys and contexts against swtpm 0.7.1: salted sessions to each TPM's own storage
 * keys (RSA and ECC), session ContextSave/ContextLoad (sequence numbers, once-only reload,
 * integrity, survival of Resume and Restart, death on Reset, 64 active sessions),
 * TPM2_PolicySigned with signatures each TPM made, and signed audit attestations, whose ECDSA
 * signatures the test verifies with JCA.
 */
class SessionKeysDifferentialTest extends SessionDifferentialFixture {
    private static final byte[] DATA = "keys and contexts".getBytes(StandardCharsets.US_ASCII);

    /**
     * TPM_RC_RETRY (libtpms' DA_USED: the first use of a DA-protected authValue after Startup is
     * answered so, to record it in NV first) is retried, as TSSes do.
     */
    @Override
    protected Result call(int i, Function<Integer, Call> call) {
        Result r = clients[i].call(call.apply(i));
        for (int n = 0; n < 3 && r.rc() == 0x922; n++) {
            r = clients[i].call(call.apply(i));
        }
        return r;
    }

    /** A primary key on each TPM: handle and public part. */
    private SaltClient.TpmKey[] primary(PublicArea template) {
        SaltClient.TpmKey[] keys = new SaltClient.TpmKey[2];
        for (int i = 0; i < 2; i++) {
            byte[] r = send(i, ObjectCommands.createPrimary(TpmHandles.RH_OWNER, template));
            assertThat(rc(r)).isZero();
            ByteBuffer b = ByteBuffer.wrap(r);
            b.position(18);
            keys[i] = SaltClient.readPublic(b);
        }
        return keys;
    }

    private byte[][] saveBoth(String what, int handle) {
        byte[][] ctx = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] r = send(i, ObjectCommands.contextSave(handle));
            assertThat(rc(r)).as(what).isZero();
            ctx[i] = Arrays.copyOfRange(r, 10, r.length);
        }
        assertThat(Arrays.copyOf(ctx[1], 16)).as(what + ": sequence, savedHandle, hierarchy")
                .isEqualTo(Arrays.copyOf(ctx[0], 16));
        return ctx;
    }

    private void loadBoth(String what, byte[][] ctx) {
        byte[] a = send(0, ObjectCommands.contextLoad(ctx[0]));
        byte[] b = send(1, ObjectCommands.contextLoad(ctx[1]));
        assertThat(String.format("0x%03X", rc(b))).as(what).isEqualTo(String.format("0x%03X", rc(a)));
        assertThat(b).as(what).isEqualTo(a);
    }

    @Test
    void saltedSessionsToEachTpmsStorageKeys() {
        for (PublicArea template : new PublicArea[] {
            Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL),
            Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL)}) {
            SaltClient.TpmKey[] keys = primary(template);
            SaltClient.Salt[] salts = {SaltClient.wrap(keys[0]), SaltClient.wrap(keys[1])};
            Session[] s = startBoth("salted", i -> Start.hmac().aes(128).salt(0x80000000, salts[i].salt(),
                    salts[i].encryptedSalt()));
            Result[] r = same("Hash through the salted session", i -> new Call(TpmCc.HASH)
                    .auth(Auth.extra(s[i], CONTINUE | DECRYPT | ENCRYPT)).params(ByteBuffer.allocate(2 + DATA.length + 6)
                            .putShort((short) DATA.length).put(DATA).putShort((short) ALG_SHA256)
                            .putInt(TpmHandles.RH_NULL).array()));
            assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
            Session[] bound = startBoth("salted and bound to the key", i -> Start.hmac().xor(ALG_SHA256)
                    .salt(0x80000000, salts[i].salt(), salts[i].encryptedSalt())
                    .bind(0x80000000, keys[i].name(), new byte[0]));
            startBoth("empty salt", i -> Start.hmac().salt(0x80000000, new byte[0], new byte[0]));
            byte[][] broken = {salts[0].encryptedSalt().clone(), salts[1].encryptedSalt().clone()};
            broken[0][9] ^= 1;
            broken[1][9] ^= 1;
            startBoth("broken salt", i -> Start.hmac().salt(0x80000000, salts[i].salt(), broken[i]));
            Session[] wrongSalt = startBoth("a salt the client does not know", i -> Start.hmac()
                    .salt(0x80000000, new byte[32], salts[i].encryptedSalt()));
            same("HMAC with the wrong salt", i -> new Call(TpmCc.HASH).auth(Auth.extra(wrongSalt[i], CONTINUE | AUDIT))
                    .params(ByteBuffer.allocate(8).putShort((short) 0).putShort((short) ALG_SHA256)
                            .putInt(TpmHandles.RH_NULL).array()));
            for (Session[] x : new Session[][] {s, bound, wrongSalt}) {
                d.same("flush", Commands.flushContext(x[0].handle));
            }
            d.same("flush the key", Commands.flushContext(0x80000000));
        }
        SaltClient.TpmKey[] signer = primary(Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL,
                Scheme.NULL));
        startBoth("a signing key as tpmKey", i -> Start.hmac().salt(0x80000000, new byte[32], new byte[] {0, 1, 0}));
        assertThat(signer[0].type()).isEqualTo(0x23);
        d.same("HashSequenceStart", Commands.hashSequenceStart(new byte[0], ALG_SHA256));
        startBoth("a sequence as tpmKey", i -> Start.hmac().salt(0x80000001, new byte[32], new byte[] {0, 1, 0}));
        startBoth("bound to a sequence", i -> Start.hmac().bind(0x80000001, new byte[0], new byte[0]));
    }

    @Test
    void sessionContexts() throws Exception {
        Session[] hmac = startBoth("hmac", i -> Start.hmac().aes(128));
        Session[] policy = startBoth("policy", i -> Start.policy());
        same("PolicyAuthValue", i -> PolicyCommands.authValue(policy[i].handle));
        byte[][] h1 = saveBoth("save hmac", hmac[0].handle);
        byte[][] p1 = saveBoth("save policy", policy[0].handle);
        d.same("loaded session handles", Commands.getCapability(TpmCap.HANDLES, 0x02000000, 64));
        d.same("saved session handles", Commands.getCapability(TpmCap.HANDLES, 0x03000000, 64));
        d.same("session properties", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.HR_LOADED, 4));
        same("saved session used", i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(hmac[i], CONTINUE | ENCRYPT))
                .params(new byte[] {0, 8}));
        same("saved policy session as a handle", i -> PolicyCommands.getDigest(policy[i].handle));
        loadBoth("load policy", p1);
        loadBoth("load hmac", h1);
        loadBoth("load hmac again", h1);
        Result[] r = same("policy digest survived", i -> PolicyCommands.getDigest(policy[i].handle));
        PolicyCalc calc = new PolicyCalc(ALG_SHA256);
        assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(calc.authValue(calc.zero()));
        same("hmac nonce and key survived", i -> new Call(TpmCc.GET_RANDOM)
                .auth(Auth.extra(hmac[i], CONTINUE | ENCRYPT)).params(new byte[] {0, 8}));
        byte[][] h2 = saveBoth("save again", hmac[0].handle);
        byte[][] tampered = {h2[0].clone(), h2[1].clone()};
        tampered[0][tampered[0].length - 1] ^= 1;
        tampered[1][tampered[1].length - 1] ^= 1;
        loadBoth("tampered", tampered);
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(STATE)", Commands.startup(1));
        loadBoth("after Resume", h2);
        same("policy session after Resume (it was loaded)", i -> PolicyCommands.getDigest(policy[i].handle));
        byte[][] h3 = saveBoth("save after Resume", hmac[0].handle);
        d.same("Shutdown(STATE)", Commands.shutdown(1));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        loadBoth("after Restart", h3);
        byte[][] h4 = saveBoth("save after Restart", hmac[0].handle);
        d.same("Shutdown(CLEAR)", Commands.shutdown(0));
        d.powerCycle();
        d.same("Startup(CLEAR)", Commands.startup(0));
        loadBoth("after Reset", h4);
        d.same("saved session handles after Reset", Commands.getCapability(TpmCap.HANDLES, 0x03000000, 64));
    }

    /**
     * The volatile state (swtpm CMD_STORE_VOLATILE, then _TPM_Init restoring it, as a VM snapshot
     * does) carries loaded sessions with their nonces, keys, policy and audit state, and the
     * exclusive audit session.
     */
    @Test
    void loadedSessionsLiveInTheVolatileState() {
        Session[] hmac = startBoth("hmac", i -> Start.hmac().aes(256).bind(TpmHandles.RH_NULL, new byte[0]));
        Session[] policy = startBoth("policy", i -> Start.policy());
        same("PolicyAuthValue", i -> PolicyCommands.authValue(policy[i].handle));
        same("audit", i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(hmac[i], CONTINUE | AUDIT | ENCRYPT))
                .params(new byte[] {0, 4}));
        Session[] saved = startBoth("saved", i -> Start.hmac());
        byte[][] ctx = saveBoth("save", saved[0].handle);
        d.storeVolatile();
        d.powerCycle();
        same("the HMAC session goes on, still the exclusive audit session",
                i -> new Call(TpmCc.GET_RANDOM).auth(Auth.extra(hmac[i], CONTINUE | AUDIT
                        | SessionClient.AUDIT_EXCLUSIVE | ENCRYPT)).params(new byte[] {0, 4}));
        Result[] r = same("the policy digest is kept", i -> PolicyCommands.getDigest(policy[i].handle));
        PolicyCalc calc = new PolicyCalc(ALG_SHA256);
        assertThat(SessionClient.get2b(r[1].reader())).isEqualTo(calc.authValue(calc.zero()));
        loadBoth("the saved one loads", ctx);
        d.same("loaded sessions", Commands.getCapability(TpmCap.HANDLES, 0x02000000, 64));
    }

    @Test
    void sixtyFourActiveSessions() {
        for (int n = 0; n < 64; n++) {
            Session[] s = startBoth("session " + n, i -> Start.hmac());
            saveBoth("save " + n, s[0].handle);
        }
        startBoth("the 65th", i -> Start.hmac());
        d.same("all saved", Commands.getCapability(TpmCap.HANDLES, 0x03000000, 64));
        d.same("properties", Commands.getCapability(TpmCap.TPM_PROPERTIES, TpmPt.HR_LOADED, 4));
        d.same("flush a saved one", Commands.flushContext(0x0200002A));
        startBoth("into the free entry", i -> Start.trial());
    }

    /** An ECDSA P-256 signing key on each TPM (unrestricted, so TPM2_Sign signs any digest). */
    private SaltClient.TpmKey[] signingKey() {
        return primary(Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL,
                new Scheme.Ecdsa(HashAlg.SHA256)));
    }

    /** TPM2_Sign of {@code digest} by the key at 0x80000000 on TPM {@code i}: the TPMT_SIGNATURE bytes. */
    private byte[] sign(int i, byte[] digest) {
        byte[] cmd = Commands.withPassword(TpmCc.SIGN, 0x80000000, new byte[0], w -> w.tpm2b(digest).u16(0x0010)
                .u16(0x8024).u32(TpmHandles.RH_NULL).u16(0));
        byte[] r = send(i, cmd);
        if (rc(r) == 0x922) {
            r = send(i, cmd);
        }
        assertThat(rc(r)).isZero();
        ByteBuffer b = ByteBuffer.wrap(r);
        b.position(14);
        return Arrays.copyOfRange(r, 14, 14 + b.getInt(10));
    }

    @Test
    void policySignedWithEachTpmsSignature() {
        SaltClient.TpmKey[] keys = signingKey();
        byte[] ref = "ref".getBytes(StandardCharsets.US_ASCII);
        Session[] s = startBoth("policy", i -> Start.policy());
        byte[][] sigs = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] aHash = SessionClient.hash(ALG_SHA256, s[i].nonceTPM, new byte[4], new byte[0], ref);
            sigs[i] = sign(i, aHash);
        }
        Function<Integer, Call> policySigned = i -> new Call(TpmCc.POLICY_SIGNED).handle(0x80000000, keys[i].name())
                .handle(s[i].handle).params(SessionClient.concat(SessionClient.tpm2b(s[i].nonceTPM),
                        SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(ref), new byte[4], sigs[i]));
        same("PolicySigned", policySigned);
        Result[] r = same("digest", i -> PolicyCommands.getDigest(s[i].handle));
        PolicyCalc calc = new PolicyCalc(ALG_SHA256);
        for (int i = 0; i < 2; i++) {
            assertThat(SessionClient.get2b(r[i].reader())).isEqualTo(calc.signed(calc.zero(), keys[i].name(), ref));
        }
        same("PolicySigned with the other nonce fails the signature", i -> new Call(TpmCc.POLICY_SIGNED)
                .handle(0x80000000, keys[i].name()).handle(s[i].handle).params(SessionClient.concat(
                        SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(ref),
                        new byte[4], sigs[i])));
        same("PolicySigned with a stale nonce", i -> new Call(TpmCc.POLICY_SIGNED)
                .handle(0x80000000, keys[i].name()).handle(s[i].handle).params(SessionClient.concat(
                        SessionClient.tpm2b(new byte[32]), SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(ref),
                        new byte[4], sigs[i])));
        Session[] t = startBoth("trial", i -> Start.trial());
        same("PolicySigned in a trial session needs no valid signature", i -> new Call(TpmCc.POLICY_SIGNED)
                .handle(0x80000000, keys[i].name()).handle(t[i].handle).params(SessionClient.concat(
                        SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(ref),
                        new byte[4], sigs[i])));
        r = same("trial digest", i -> PolicyCommands.getDigest(t[i].handle));
        for (int i = 0; i < 2; i++) {
            assertThat(SessionClient.get2b(r[i].reader())).isEqualTo(calc.signed(calc.zero(), keys[i].name(), ref));
        }
        d.same("flush", Commands.flushContext(t[0].handle));
        d.same("flush", Commands.flushContext(s[0].handle));
        // With a negative expiration and no nonce, a ticket bound to the reset count.
        Session[] u = startBoth("policy", i -> Start.policy());
        byte[] exp = ByteBuffer.allocate(4).putInt(-3600).array();
        byte[][] ticketSigs = new byte[2][];
        for (int i = 0; i < 2; i++) {
            ticketSigs[i] = sign(i, SessionClient.hash(ALG_SHA256, new byte[0], exp, new byte[0], ref));
        }
        Result[] tk = same("PolicySigned with expiration", i -> new Call(TpmCc.POLICY_SIGNED)
                .handle(0x80000000, keys[i].name()).handle(u[i].handle).params(SessionClient.concat(
                        SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(new byte[0]), SessionClient.tpm2b(ref),
                        exp, ticketSigs[i])));
        for (int i = 0; i < 2; i++) {
            ByteBuffer out = tk[i].reader();
            byte[] timeout = SessionClient.get2b(out);
            assertThat(timeout).hasSize(8);
            assertThat(timeout[0] & 0x80).as("expires on reset").isEqualTo(0x80);
            int tag = out.getShort() & 0xFFFF;
            int hierarchy = out.getInt();
            byte[] ticket = SessionClient.get2b(out);
            assertThat(tag).isEqualTo(0x8025);
            assertThat(hierarchy).isEqualTo(TpmHandles.RH_OWNER);
            Session v = clients[i].start(Start.policy());
            assertThat(clients[i].call(PolicyCommands.ticket(v.handle, timeout, new byte[0], ref, keys[i].name(), tag,
                    hierarchy, ticket)).rc()).isZero();
            assertThat(SessionClient.get2b(clients[i].call(PolicyCommands.getDigest(v.handle)).reader()))
                    .isEqualTo(calc.signed(calc.zero(), keys[i].name(), ref));
        }
    }

    /** TPM2_PolicyAuthorize with the TPMT_TK_VERIFIED TPM2_VerifySignature gives for the approval. */
    @Test
    void policyAuthorizeWithAVerifiedTicket() {
        SaltClient.TpmKey[] keys = signingKey();
        byte[] ref = "approval".getBytes(StandardCharsets.US_ASCII);
        PolicyCalc calc = new PolicyCalc(ALG_SHA256);
        byte[] approved = calc.authValue(calc.zero());
        byte[] aHash = SessionClient.hash(ALG_SHA256, approved, ref);
        byte[][] tickets = new byte[2][];
        for (int i = 0; i < 2; i++) {
            byte[] sig = sign(i, aHash);
            byte[] v = send(i, Commands.noSessions(TpmCc.VERIFY_SIGNATURE, w -> w.u32(0x80000000).tpm2b(aHash)
                    .bytes(sig)));
            assertThat(rc(v)).isZero();
            tickets[i] = Arrays.copyOfRange(v, 10, v.length);
        }
        assertThat(ByteBuffer.wrap(tickets[1]).getShort()).isEqualTo((short) 0x8022);
        Session[] s = startBoth("policy", i -> Start.policy());
        Function<Integer, Call> authorize = i -> new Call(TpmCc.POLICY_AUTHORIZE).handle(s[i].handle)
                .params(SessionClient.concat(SessionClient.tpm2b(approved), SessionClient.tpm2b(ref),
                        SessionClient.tpm2b(keys[i].name()), tickets[i]));
        same("PolicyAuthorize before the approved policy", authorize);
        same("PolicyAuthValue", i -> PolicyCommands.authValue(s[i].handle));
        same("PolicyAuthorize", authorize);
        Result[] r = same("digest", i -> PolicyCommands.getDigest(s[i].handle));
        for (int i = 0; i < 2; i++) {
            assertThat(SessionClient.get2b(r[i].reader())).isEqualTo(calc.authorize(keys[i].name(), ref));
        }
        same("PolicyRestart", i -> PolicyCommands.restart(s[i].handle));
        same("PolicyAuthValue", i -> PolicyCommands.authValue(s[i].handle));
        same("PolicyAuthorize with another TPM's ticket", i -> new Call(TpmCc.POLICY_AUTHORIZE).handle(s[i].handle)
                .params(SessionClient.concat(SessionClient.tpm2b(approved), SessionClient.tpm2b(ref),
                        SessionClient.tpm2b(keys[i].name()), tickets[1 - i])));
    }

    @Test
    void signedAuditAttestations() throws Exception {
        SaltClient.TpmKey[] keys = signingKey();
        Session[] s = startBoth("audit session", i -> Start.hmac());
        same("audited Hash", i -> new Call(TpmCc.HASH).auth(Auth.extra(s[i], CONTINUE | AUDIT))
                .params(ByteBuffer.allocate(8).putShort((short) 0).putShort((short) ALG_SHA256)
                        .putInt(TpmHandles.RH_NULL).array()));
        Result[] r = same("GetSessionAuditDigest signed", i -> new Call(TpmCc.GET_SESSION_AUDIT_DIGEST)
                .handle(TpmHandles.RH_ENDORSEMENT).handle(0x80000000, keys[i].name()).handle(s[i].handle)
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0]))
                .params(new byte[] {0, 2, 7, 7, 0, 0x10}));
        for (int i = 0; i < 2; i++) {
            verify(keys[i], r[i]);
        }
        same("GetSessionAuditDigest with an HMAC scheme", i -> new Call(TpmCc.GET_SESSION_AUDIT_DIGEST)
                .handle(TpmHandles.RH_ENDORSEMENT).handle(0x80000000, keys[i].name()).handle(s[i].handle)
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0]))
                .params(new byte[] {0, 0, 0, 5, 0, 0x0B}));
        Result[] c = same("GetCommandAuditDigest signed", i -> new Call(TpmCc.GET_COMMAND_AUDIT_DIGEST)
                .handle(TpmHandles.RH_ENDORSEMENT).handle(0x80000000, keys[i].name())
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0]))
                .params(new byte[] {0, 0, 0, 0x18, 0, 0x0B}));
        for (int i = 0; i < 2; i++) {
            verify(keys[i], c[i]);
        }
        SaltClient.TpmKey[] storage = primary(Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB,
                Scheme.NULL));
        same("a storage key cannot sign", i -> new Call(TpmCc.GET_COMMAND_AUDIT_DIGEST)
                .handle(TpmHandles.RH_ENDORSEMENT).handle(0x80000001, storage[i].name())
                .auth(Auth.password(new byte[0])).auth(Auth.password(new byte[0]))
                .params(new byte[] {0, 0, 0, 0x10}));
    }

    /** The TPMS_ATTEST in an audit digest response verifies with the key's public point. */
    private static void verify(SaltClient.TpmKey key, Result r) throws Exception {
        ByteBuffer p = r.reader();
        byte[] attest = SessionClient.get2b(p);
        assertThat(p.getShort()).isEqualTo((short) 0x0018);
        assertThat(p.getShort()).isEqualTo((short) ALG_SHA256);
        byte[] sr = SessionClient.get2b(p);
        byte[] ss = SessionClient.get2b(p);
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        PublicKey pub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                new ECPoint(new BigInteger(1, key.x()), new BigInteger(1, key.y())), spec));
        Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
        v.initVerify(pub);
        v.update(attest);
        assertThat(v.verify(SessionClient.concat(fixed(sr), fixed(ss)))).as("ECDSA over the TPMS_ATTEST").isTrue();
    }

    private static byte[] fixed(byte[] v) {
        byte[] out = new byte[32];
        System.arraycopy(v, 0, out, 32 - v.length, v.length);
        return out;
    }
}
