package dev.jvtpm.engine.auth;

import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA1;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA256;
import static dev.jvtpm.engine.testing.SessionClient.ALG_SHA384;
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
import dev.jvtpm.engine.testing.TpmHarness;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Session-based parameter encryption (Part 1 §21): the first command parameter decrypted before
 * unmarshalling, the first response parameter encrypted, with XOR and AES-128/256-CFB, in both
 * directions, from authorization sessions and from encrypt/decrypt-only sessions, and the
 * attribute checks. The client encrypts and decrypts with JCA from the spec formulas; the
 * results are checked against digests computed independently.
 */
class ParameterEncryptionTest {
    private static final byte[] DATA = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

    private final TpmHarness h = TpmHarness.started();
    private final SessionClient client = new SessionClient(h.tpm()::execute);

    static Stream<Arguments> ciphers() {
        return Stream.of(
                Arguments.of("AES-128-CFB/SHA-256", Start.hmac().aes(128)),
                Arguments.of("AES-256-CFB/SHA-384", Start.hmac().aes(256).hash(ALG_SHA384)),
                Arguments.of("AES-128-CFB/SHA-1 bound", Start.hmac().aes(128).hash(ALG_SHA1)
                        .bind(TpmHandles.RH_NULL, new byte[0])),
                Arguments.of("XOR/SHA-256", Start.hmac().xor(ALG_SHA256)),
                Arguments.of("XOR named SHA-1 on a SHA-256 session", Start.hmac().xor(ALG_SHA1)),
                Arguments.of("XOR/SHA-384 bound to endorsement", Start.hmac().xor(ALG_SHA384).hash(ALG_SHA384)
                        .bind(TpmHandles.RH_ENDORSEMENT, new byte[0])));
    }

    private static byte[] hashParams(byte[] data) {
        return ByteBuffer.allocate(2 + data.length + 6).putShort((short) data.length).put(data)
                .putShort((short) ALG_SHA256).putInt(TpmHandles.RH_NULL).array();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void hashWithEncryptedInputAndOutput(String name, Start start) {
        Session s = client.start(start);
        Result r = client.call(new Call(TpmCc.HASH).auth(Auth.extra(s, CONTINUE | DECRYPT | ENCRYPT))
                .params(hashParams(DATA)));
        assertThat(r.rc()).isZero();
        byte[] expected = SessionClient.hash(ALG_SHA256, DATA);
        ByteBuffer p = r.reader();
        assertThat(SessionClient.get2b(p)).isEqualTo(expected);
        // What went over the wire was not the digest.
        assertThat(SessionClient.get2b(ByteBuffer.wrap(r.rawParameters()))).isNotEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void separateDecryptAndEncryptSessions(String name, Start start) {
        Session dec = client.start(start);
        Session enc = client.start(Start.hmac().aes(128));
        Result r = client.call(new Call(TpmCc.HASH).auth(Auth.extra(dec, CONTINUE | DECRYPT))
                .auth(Auth.extra(enc, CONTINUE | ENCRYPT)).params(hashParams(DATA)));
        assertThat(r.rc()).isZero();
        assertThat(SessionClient.get2b(r.reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void theAuthValueIsInTheKeyEvenForTheBoundEntity(String name, Start start) {
        byte[] pw = "p4ss".getBytes(StandardCharsets.US_ASCII);
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0], pw)));
        Session s = client.start(start.bind(TpmHandles.RH_OWNER, pw));
        byte[] next = "new-owner-auth".getBytes(StandardCharsets.US_ASCII);
        Result r = client.call(new Call(TpmCc.HIERARCHY_CHANGE_AUTH).handle(TpmHandles.RH_OWNER)
                .auth(Auth.of(s, CONTINUE | DECRYPT, TpmHandles.RH_OWNER, pw).responseAuth(next))
                .params(SessionClient.tpm2b(next)));
        assertThat(r.rc()).isZero();
        h.ok(h.call(Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, next, new byte[0])));
    }

    @Test
    void theFirstSessionsHmacCoversTheNoncesOfTheOtherEncryptionSessions() throws Exception {
        byte[] seqAuth = "seq".getBytes(StandardCharsets.US_ASCII);
        int seq = h.ok(h.call(Commands.hashSequenceStart(seqAuth, ALG_SHA256))).body().u32();
        Session auth = client.start(Start.hmac());
        Session dec = client.start(Start.hmac().xor(ALG_SHA256));
        Session enc = client.start(Start.hmac().aes(128));
        byte[] params = ByteBuffer.allocate(2 + DATA.length + 4).putShort((short) DATA.length).put(DATA)
                .putInt(TpmHandles.RH_NULL).array();
        Result r = client.call(new Call(TpmCc.SEQUENCE_COMPLETE).handle(seq, new byte[0])
                .auth(Auth.of(auth, CONTINUE, new byte[0], seqAuth))
                .auth(Auth.extra(dec, CONTINUE | DECRYPT))
                .auth(Auth.extra(enc, CONTINUE | ENCRYPT))
                .params(params));
        assertThat(r.rc()).isZero();
        assertThat(SessionClient.get2b(r.reader())).isEqualTo(SessionClient.hash(ALG_SHA256, DATA));
    }

    @Test
    void encryptOnlySessionOnGetRandom() {
        Session s = client.start(Start.hmac().aes(128));
        Result r = client.call(new Call(TpmCc.GET_RANDOM).auth(Auth.extra(s, CONTINUE | ENCRYPT))
                .params(new byte[] {0, 24}));
        assertThat(r.rc()).isZero();
        assertThat(SessionClient.get2b(r.reader())).hasSize(24);
    }

    @Test
    void attributeChecks() {
        Session aes = client.start(Start.hmac().aes(128));
        Session aes2 = client.start(Start.hmac().aes(128));
        Session none = client.start(Start.hmac());
        byte[] pcrParams = new byte[4];
        // PCR_Extend has no TPM2B first parameter either way.
        assertThat(client.call(new Call(TpmCc.PCR_EXTEND).handle(16).auth(Auth.of(aes, CONTINUE | DECRYPT, 16,
                new byte[0])).params(pcrParams)).rc()).isEqualTo(0x982);
        assertThat(client.call(new Call(TpmCc.PCR_EXTEND).handle(16).auth(Auth.of(aes, CONTINUE | ENCRYPT, 16,
                new byte[0])).params(pcrParams)).rc()).isEqualTo(0x982);
        // Two decrypt sessions: the second is wrong.
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(aes, CONTINUE | DECRYPT))
                .auth(Auth.extra(aes2, CONTINUE | DECRYPT)).params(hashParams(DATA))).rc()).isEqualTo(0xA82);
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(aes, CONTINUE | ENCRYPT))
                .auth(Auth.extra(aes2, CONTINUE | ENCRYPT)).params(hashParams(DATA))).rc()).isEqualTo(0xA82);
        // A session without a cipher cannot encrypt: TPM_RC_SYMMETRIC.
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(none, CONTINUE | DECRYPT))
                .params(hashParams(DATA))).rc()).isEqualTo(0x996);
        // The encrypted size is larger than all parameters: TPM_RC_SIZE at the decrypt session.
        byte[] tooLong = hashParams(DATA);
        tooLong[0] = 0x7F;
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(none, CONTINUE | SessionClient.AUDIT))
                .auth(Auth.extra(aes, CONTINUE | DECRYPT)).params(tooLong)).rc()).isEqualTo(0xA95);
        // Sessions are unchanged by those failures.
        assertThat(client.call(new Call(TpmCc.HASH).auth(Auth.extra(aes, CONTINUE | DECRYPT | ENCRYPT))
                .params(hashParams(DATA))).rc()).isZero();
    }
}
