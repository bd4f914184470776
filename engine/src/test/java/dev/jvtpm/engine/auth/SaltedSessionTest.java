package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
import static dev.jvtpm.engine.testing.SessionClient.CONTINUE;
import static dev.jvtpm.engine.testing.SessionClient.DECRYPT;
import static dev.jvtpm.engine.testing.SessionClient.ENCRYPT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.SaltClient;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.SessionClient.Auth;
import dev.jvtpm.engine.testing.SessionClient.Call;
import dev.jvtpm.engine.testing.SessionClient.Session;
import dev.jvtpm.engine.testing.SessionClient.Start;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmRc;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Salted sessions (Part 3 §11.1, Part 1 §19.6.13): the salt is wrapped by the client with JCA to
 * an RSA or ECC storage key the TPM created (OAEP with the key's nameAlg and "SECRET\0", or ECDH
 * and KDFe), so the session key KDFa(authHash, [bind authValue ‖] salt, "ATH", nonceTPM,
 * nonceCaller) is known only to both sides; the client proves it with HMACs and encryption.
 */
class SaltedSessionTest {
    private static final byte[] DATA = "salted".getBytes(StandardCharsets.US_ASCII);

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    record Key(int handle, SaltClient.TpmKey pub) {}

    private Key primary(PublicArea template) {
        TpmHarness.Response r = h.ok(h.call(ObjectCommands.createPrimary(TpmHandles.RH_OWNER, template)));
        ByteBuffer b = ByteBuffer.wrap(r.raw());
        int handle = b.getInt(10);
        b.position(18);
        return new Key(handle, SaltClient.readPublic(b));
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("RSA-2048", Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL)),
                Arguments.of("ECC P-256", Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB,
                        Scheme.NULL)),
                Arguments.of("ECC P-384 SHA-384", Templates.withNameAlg(Templates.ecc(Templates.STORAGE,
                        EccCurve.NIST_P384, Templates.AES256_CFB, Scheme.NULL), ALG_SHA384)));
    }

    private static byte[] hashParams() {
        return ByteBuffer.allocate(2 + DATA.length + 6).putShort((short) DATA.length).put(DATA)
                .putShort((short) ALG_SHA256).putInt(TpmHandles.RH_NULL).array();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void aSaltedSessionKeysHmacsAndEncryption(String name, PublicArea template) {
        Key key = primary(template);
        SaltClient.Salt salt = SaltClient.wrap(key.pub());
        Session s = client.start(Start.hmac().aes(128).salt(key.handle(), salt.salt(), salt.encryptedSalt()));
        assertThat(s.sessionKey).hasSize(32);
        var r = client.call(new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | DECRYPT | ENCRYPT))
                .params(hashParams()));
        assertThat(r.rc()).isZero();
        assertThat(SessionClient.get2b(r.reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
        byte[] pw = "owner".getBytes(StandardCharsets.US_ASCII);
        assertThat(client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s, CONTINUE | DECRYPT, TpmHandles.RH_OWNER, new byte[0]).responseAuth(pw))
                .params(SessionClient.tpm2b(pw))).rc()).isZero();
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, pw, new byte[0])));
    }

    /** FAPI salts its sessions with the persistent SRK (0x81000001), which is in no transient slot. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void aPersistentKeySaltsSessions(String name, PublicArea template) {
        Key key = primary(template);
        int persistent = 0x81000001;
        h.ok(h.call(ObjectCommands.evictControl(TpmHandles.RH_OWNER, new byte[0], key.handle(), persistent)));
        h.ok(h.call(Commands.flushContext(key.handle())));
        SaltClient.Salt salt = SaltClient.wrap(key.pub());
        Session s = client.start(Start.hmac().aes(128).salt(persistent, salt.salt(), salt.encryptedSalt()));
        var r = client.call(new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | DECRYPT | ENCRYPT))
                .params(hashParams()));
        assertThat(r.rc()).isZero();
        assertThat(SessionClient.get2b(r.reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void saltedAndBoundToTheParentCreateLoadUnseal(String name, PublicArea template) throws Exception {
        Key key = primary(template);
        SaltClient.Salt salt = SaltClient.wrap(key.pub());
        Session s = client.start(Start.hmac().xor(ALG_SHA256).salt(key.handle(), salt.salt(), salt.encryptedSalt())
                .bind(key.handle(), key.pub().name(), new byte[0]));
        byte[] childAuth = "child".getBytes(StandardCharsets.US_ASCII);
        byte[] secret = "sealed secret".getBytes(StandardCharsets.US_ASCII);
        PublicArea sealed = Templates.keyedHash(0x00000052, dev.jvtpm.engine.types.HashAlg.SHA256, Scheme.NULL);
        byte[] params = SessionClient.concat(ObjectCommands.sensitiveCreate(childAuth, secret),
                ObjectCommands.publicSized(sealed), new byte[] {0, 0}, ObjectCommands.noPcrs());
        // The bound parent's authValue stays out of the HMAC; inSensitive and outPrivate are encrypted.
        Call create = new Call(TpmCc.CREATE).handle(key.handle(), key.pub().name())
                .auth(Auth.of(s, CONTINUE | DECRYPT | ENCRYPT, key.pub().name(), new byte[0])).params(params);
        var created = client.call(create);
        // The first DA-protected authorization since Startup records DA_USED and is deferred
        // with TPM_RC_RETRY; the session is untouched and the same command is sent again.
        assertThat(created.rc()).isEqualTo(TpmRc.RETRY);
        created = client.call(create);
        assertThat(created.rc()).isZero();
        ByteBuffer out = created.reader();
        byte[] outPrivate = SessionClient.get2b(out);
        byte[] outPublic = SessionClient.get2b(out);
        var loaded = h.ok(h.call(ObjectCommands.load(key.handle(), new byte[0], outPrivate,
                SessionClient.tpm2b(outPublic))));
        int child = loaded.body().u32();
        ByteBuffer lb = ByteBuffer.wrap(loaded.raw());
        lb.position(18);
        byte[] childName = SessionClient.get2b(lb);
        var unsealed = client.call(new Call(TpmCc.UNSEAL).handle(child, childName)
                .auth(Auth.of(s, CONTINUE | ENCRYPT, childName, childAuth)));
        assertThat(unsealed.rc()).isZero();
        assertThat(SessionClient.get2b(unsealed.reader())).isEqualTo(secret);
        assertThat(SessionClient.get2b(ByteBuffer.wrap(unsealed.rawParameters()))).isNotEqualTo(secret);
    }

    @Test
    void saltKeyChecks() {
        Key rsa = primary(Templates.rsa(Templates.STORAGE, 2048, Templates.AES128_CFB, Scheme.NULL));
        Key signer = primary(Templates.ecc(Templates.SIGNING, EccCurve.NIST_P256, SymDefObject.NULL, Scheme.NULL));
        SaltClient.Salt salt = SaltClient.wrap(rsa.pub());
        // A key without the decrypt attribute: TPM_RC_ATTRIBUTES at handle 1.
        assertThat(client.tryStart(Start.hmac().salt(signer.handle(), salt.salt(), new byte[] {4, 0, 0, 0, 0})).rc())
                .isEqualTo(0x182);
        // An empty salt for a key, or one that does not decrypt: TPM_RC_VALUE at parameter 2.
        assertThat(client.tryStart(Start.hmac().salt(rsa.handle(), new byte[0], new byte[0])).rc()).isEqualTo(0x2C4);
        byte[] broken = salt.encryptedSalt().clone();
        broken[7] ^= 1;
        assertThat(client.tryStart(Start.hmac().salt(rsa.handle(), salt.salt(), broken)).rc()).isEqualTo(0x2C4);
        // A wrong salt makes a session whose HMACs the client cannot match.
        Session wrong = client.start(Start.hmac().salt(rsa.handle(), new byte[32], salt.encryptedSalt()));
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(wrong, CONTINUE | SessionClient.AUDIT))
                .params(hashParams())).rc()).isEqualTo(0x9A2);
    }
}
