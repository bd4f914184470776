package dev.jvtpm.engine.object.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Kdf;
import dev.jvtpm.engine.wire.TpmWriter;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The response codes of unwrapping (libtpms UnwrapOuter, PrivateToSensitive, DuplicateToSensitive,
 * CredentialToSecret): bare codes, the command adds its parameter to the format-one ones.
 */
class WrapErrorsTest {
    static final CryptoSuite SUITE = ProviderChain.javaOnly().resolve(ProviderPolicy.all());
    static final Protector PARENT = new Protector(seq(32, 7), HashAlg.SHA256, SymDefObject.aes(128, TpmAlgId.CFB));
    static final Protector PARENT_384 = new Protector(seq(48, 9), HashAlg.SHA384, SymDefObject.aes(256, TpmAlgId.CFB));
    static final byte[] NAME = seq(34, 1);
    static final SensitiveArea KEY = new SensitiveArea(TpmAlgId.SYMCIPHER, seq(5, 3), seq(32, 4), seq(16, 5));

    static byte[] seq(int n, int start) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (start + i);
        }
        return b;
    }

    static int rc(ThrowingCallable c) {
        int[] rc = new int[1];
        assertThatThrownBy(c).isInstanceOfSatisfying(TpmException.class, e -> rc[0] = e.rc());
        return rc[0];
    }

    @Test
    void privateBlobRoundTripsAndPadsTheAuthValue() throws Exception {
        PrivateBlob blobs = new PrivateBlob(SUITE);
        for (Protector p : new Protector[] {PARENT, PARENT_384}) {
            byte[] blob = blobs.wrap(p, NAME, HashAlg.SHA256, KEY, seq(16, 0x70));
            SensitiveArea back = blobs.unwrap(p, NAME, blob);
            assertThat(back.authValue()).hasSize(32).startsWith(KEY.authValue());
            assertThat(back.sensitive()).isEqualTo(KEY.sensitive());
            assertThat(blob).hasSize(OuterWrap.overhead(p, true) + 2 + KEY.withAuthValue(new byte[32]).toBytes().length);
        }
    }

    @Test
    void privateBlobIsBoundToNameSeedAndEveryByte() throws Exception {
        PrivateBlob blobs = new PrivateBlob(SUITE);
        byte[] blob = blobs.wrap(PARENT, NAME, HashAlg.SHA256, KEY, seq(16, 0x70));
        byte[] otherName = NAME.clone();
        otherName[5] ^= 1;
        assertThat(rc(() -> blobs.unwrap(PARENT, otherName, blob))).isEqualTo(TpmRc.INTEGRITY);
        assertThat(rc(() -> blobs.unwrap(PARENT_384, NAME, blob))).isEqualTo(TpmRc.INTEGRITY);
        for (int i = 2; i < blob.length; i += 7) {
            byte[] t = blob.clone();
            t[i] ^= 0x40;
            assertThat(rc(() -> blobs.unwrap(PARENT, NAME, t))).as("byte " + i).isEqualTo(TpmRc.INTEGRITY);
        }
    }

    @Test
    void malformedOuterLayers() {
        PrivateBlob blobs = new PrivateBlob(SUITE);
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, new byte[] {0}))).isEqualTo(TpmRc.INSUFFICIENT);
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, new byte[] {0, 0x20, 1, 2}))).isEqualTo(TpmRc.INSUFFICIENT);
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, new byte[] {0, 0x41}))).isEqualTo(TpmRc.SIZE);
        OuterWrap outer = new OuterWrap(SUITE);
        byte[] shortIv = withIntegrity(PARENT, new byte[] {0, 8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 9});
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, shortIv))).isEqualTo(TpmRc.VALUE);
        byte[] longIv = withIntegrity(PARENT, seq(40, 0));
        longIv[OuterWrap.overhead(PARENT, false)] = 0;
        longIv[OuterWrap.overhead(PARENT, false) + 1] = 17;
        byte[] longIvSigned = withIntegrity(PARENT, Arrays.copyOfRange(longIv, OuterWrap.overhead(PARENT, false), longIv.length));
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, longIvSigned))).isEqualTo(TpmRc.SIZE);
        byte[] noIv = outer.produce(PARENT, NAME, null, SensitiveEncoding.encode(KEY, HashAlg.SHA256));
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, noIv))).isIn(TpmRc.VALUE, TpmRc.SIZE);
    }

    /** An outer wrap around arbitrary bytes with a valid HMAC, to reach the checks behind it. */
    static byte[] withIntegrity(Protector p, byte[] protectedPart) {
        byte[] key = new Kdf(SUITE.digests()).kdfa(p.hash(), p.seed(), "INTEGRITY", null, null, p.hash().digestSize() * 8);
        byte[] mac = SUITE.hmac(p.hash(), key, protectedPart, NAME);
        return new TpmWriter().tpm2b(mac).bytes(protectedPart).toByteArray();
    }

    @Test
    void privateBlobContentErrorsAreSensitive() {
        PrivateBlob blobs = new PrivateBlob(SUITE);
        OuterWrap outer = new OuterWrap(SUITE);
        byte[] enc = SensitiveEncoding.encode(KEY, HashAlg.SHA256);
        byte[] badSize = enc.clone();
        badSize[1]++;
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, outer.produce(PARENT, NAME, seq(16, 0), badSize)))).isEqualTo(TpmRc.SENSITIVE);
        byte[] badType = enc.clone();
        badType[3] = 0x77;
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, outer.produce(PARENT, NAME, seq(16, 0), badType)))).isEqualTo(TpmRc.SENSITIVE);
        assertThat(rc(() -> blobs.unwrap(PARENT, NAME, outer.produce(PARENT, NAME, seq(16, 0), new byte[] {0})))).isEqualTo(TpmRc.INSUFFICIENT);
    }

    @Test
    void duplicationContentErrorsAreSizeOrTheUnmarshalCode() {
        DuplicationBlob dup = new DuplicationBlob(SUITE);
        OuterWrap outer = new OuterWrap(SUITE);
        byte[] enc = SensitiveEncoding.encode(KEY, HashAlg.SHA256);
        byte[] badSize = enc.clone();
        badSize[1]--;
        assertThat(rc(() -> dup.unwrap(PARENT, NAME, HashAlg.SHA256, null, outer.produce(PARENT, NAME, null, badSize)))).isEqualTo(TpmRc.SIZE);
        byte[] badType = enc.clone();
        badType[3] = 0x77;
        assertThat(rc(() -> dup.unwrap(PARENT, NAME, HashAlg.SHA256, null, outer.produce(PARENT, NAME, null, badType)))).isEqualTo(TpmRc.TYPE);
        byte[] wrapped = dup.wrap(null, NAME, HashAlg.SHA256, KEY, seq(16, 0x30));
        byte[] wrongKey = seq(16, 0x31);
        assertThat(rc(() -> dup.unwrap(null, NAME, HashAlg.SHA256, wrongKey, wrapped))).isIn(TpmRc.INTEGRITY, TpmRc.SIZE);
    }

    @Test
    void duplicationWithoutAnyWrapIsThePlainSensitive() throws Exception {
        DuplicationBlob dup = new DuplicationBlob(SUITE);
        byte[] plain = dup.wrap(null, NAME, HashAlg.SHA256, KEY, null);
        assertThat(plain).isEqualTo(SensitiveEncoding.encode(KEY, HashAlg.SHA256));
        assertThat(dup.unwrap(null, NAME, HashAlg.SHA256, null, plain).sensitive()).isEqualTo(KEY.sensitive());
    }

    @Test
    void credentialErrors() {
        CredentialBlob cred = new CredentialBlob(SUITE);
        OuterWrap outer = new OuterWrap(SUITE);
        byte[] blob = cred.wrap(PARENT, NAME, seq(20, 0));
        byte[] tampered = blob.clone();
        tampered[tampered.length - 1] ^= 1;
        assertThat(rc(() -> cred.unwrap(PARENT, NAME, tampered))).isEqualTo(TpmRc.INTEGRITY);
        byte[] trailing = outer.produce(PARENT, NAME, null, new byte[] {0, 1, 9, 9});
        assertThat(rc(() -> cred.unwrap(PARENT, NAME, trailing))).isEqualTo(TpmRc.SIZE);
        byte[] oversized = outer.produce(PARENT, NAME, null, new byte[] {0, 0x41});
        assertThat(rc(() -> cred.unwrap(PARENT, NAME, oversized))).isEqualTo(TpmRc.SIZE);
        byte[] truncated = outer.produce(PARENT, NAME, null, new byte[] {0, 4, 1});
        assertThat(rc(() -> cred.unwrap(PARENT, NAME, truncated))).isEqualTo(TpmRc.INSUFFICIENT);
        assertThat(Arrays.copyOf(blob, 2)).containsExactly(0, 32);
    }
}
