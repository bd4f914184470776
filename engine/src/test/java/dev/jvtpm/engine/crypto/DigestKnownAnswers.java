package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.CavpFile;
import dev.jvtpm.engine.testing.CavpFile.Record;
import dev.jvtpm.engine.types.HashAlg;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SHA and HMAC known answers every provider's {@link DigestFamily} must give (FIPS 180-4,
 * RFC 2104/2202/4231), and the {@link Hasher#copy()} contract the TPM's hash sequences and
 * cpHash/rpHash computations rely on. Run once per provider by the subclasses in {@code jca} and
 * {@code bc}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DigestKnownAnswers {
    private DigestFamily digests;

    protected abstract CryptoProvider provider();

    private DigestFamily digests() {
        if (digests == null) {
            digests = provider().digests().orElseThrow();
        }
        return digests;
    }

    static Stream<Record> shavs() {
        return Stream.of("SHA1", "SHA256", "SHA384", "SHA512")
                .flatMap(a -> CavpFile.loadAll("sha/" + a + "ShortMsg.rsp", "sha/" + a + "LongMsg.rsp"));
    }

    static Stream<Record> millionA() {
        return CavpFile.load("sha/million-a.rsp").stream();
    }

    static Stream<Record> hmacRfc() {
        return CavpFile.loadAll("hmac/rfc2202.rsp", "hmac/rfc4231.rsp");
    }

    static Stream<Record> hmacEmptyKey() {
        return CavpFile.load("hmac/empty-key.rsp").stream();
    }

    private static HashAlg algOfFile(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return HashAlg.valueOf(name.replaceFirst("(Short|Long)Msg\\.rsp$", ""));
    }

    /** SHAVS byte-oriented vectors; {@code Len = 0} carries a placeholder {@code Msg = 00}. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("shavs")
    void shavsVector(Record r) {
        HashAlg alg = algOfFile(r.file());
        assertThat(Integer.parseInt(r.header("L"))).isEqualTo(alg.digestSize());
        byte[] msg = Arrays.copyOf(r.hex("Msg"), r.integer("Len") / 8);
        assertThat(digests().hasher(alg).update(msg).digest()).isEqualTo(r.hex("MD"));
    }

    /** A million-byte message fed in uneven pieces, so every buffer boundary is crossed. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("millionA")
    void millionRepetitions(Record r) {
        byte[] chunk = new byte[257];
        Arrays.fill(chunk, r.hex("Repeat")[0]);
        Hasher h = digests().hasher(HashAlg.valueOf(r.get("Alg")));
        int left = r.integer("RepeatCount");
        for (int n = 1; left > 0; n = n % 257 + 1) {
            int take = Math.min(n, left);
            h.update(chunk, 0, take);
            left -= take;
        }
        assertThat(h.digest()).isEqualTo(r.hex("MD"));
    }

    /** RFC 2202 and RFC 4231, including the truncated-output case 5 and the over-long keys of cases 6 and 7. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacRfc")
    void hmacRfcCase(Record r) {
        HashAlg alg = HashAlg.valueOf(r.headers().get(0));
        byte[] mac = digests().hmac(alg, r.hex("Key")).update(r.hex("Data")).digest();
        assertThat(mac).hasSize(alg.digestSize());
        byte[] expected = r.hex("Mac");
        if (r.has("MacBits")) {
            assertThat(expected).hasSize(r.integer("MacBits") / 8);
            assertThat(Arrays.copyOf(mac, expected.length)).isEqualTo(expected);
        } else {
            assertThat(mac).isEqualTo(expected);
        }
    }

    /**
     * The TPM keys HMACs with empty values (an unset authValue, an unbound unsalted session), so an
     * empty key must give RFC 2104's answer: the key padded with zeros to a block, which is also
     * what a one-byte zero key and a block of zeros give.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hmacEmptyKey")
    void hmacWithEmptyKey(Record r) {
        HashAlg alg = HashAlg.valueOf(r.headers().get(0));
        byte[] data = r.hex("Data");
        assertThat(r.hex("Key")).isEmpty();
        byte[] mac = digests().hmac(alg, new byte[0]).update(data).digest();
        assertThat(mac).isEqualTo(r.hex("Mac"));
        assertThat(rfc2104(alg, new byte[0], data)).isEqualTo(mac);
        assertThat(digests().hmac(alg, new byte[alg.blockSize()]).update(data).digest()).isEqualTo(mac);
    }

    /** RFC 2104 §2 from the hash alone: H((K0 ⊕ opad) ‖ H((K0 ⊕ ipad) ‖ text)). */
    private byte[] rfc2104(HashAlg alg, byte[] key, byte[] text) {
        byte[] k0 = key.length > alg.blockSize() ? digests().hasher(alg).update(key).digest() : key;
        k0 = Arrays.copyOf(k0, alg.blockSize());
        byte[] ipad = new byte[k0.length];
        byte[] opad = new byte[k0.length];
        for (int i = 0; i < k0.length; i++) {
            ipad[i] = (byte) (k0[i] ^ 0x36);
            opad[i] = (byte) (k0[i] ^ 0x5c);
        }
        byte[] inner = digests().hasher(alg).update(ipad).update(text).digest();
        return digests().hasher(alg).update(opad).update(inner).digest();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(HashAlg.class)
    void hmacMatchesRfc2104ForEveryKeyLengthAroundTheBlock(HashAlg alg) {
        Random rnd = new Random(2104);
        for (int keyLen : new int[] {0, 1, alg.digestSize(), alg.blockSize() - 1, alg.blockSize(),
            alg.blockSize() + 1, 3 * alg.blockSize()}) {
            byte[] key = CipherKnownAnswers.random(rnd, keyLen);
            byte[] text = CipherKnownAnswers.random(rnd, rnd.nextInt(300));
            assertThat(digests().hmac(alg, key).update(text).digest()).as("key length %d", keyLen)
                    .isEqualTo(rfc2104(alg, key, text));
        }
    }

    /**
     * A copy taken mid-stream is independent: the original and the copy continue with different
     * data, in either order, and each gives the digest of its own whole input. Split points sit on
     * both sides of the block boundary.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(HashAlg.class)
    void copyMidStreamThenContinueBoth(HashAlg alg) {
        Random rnd = new Random(alg.ordinal());
        byte[] key = CipherKnownAnswers.random(rnd, 32);
        for (int split : new int[] {0, 1, alg.blockSize() - 1, alg.blockSize(), alg.blockSize() + 1, 300}) {
            byte[] head = CipherKnownAnswers.random(rnd, split);
            byte[] tailA = CipherKnownAnswers.random(rnd, 1 + rnd.nextInt(200));
            byte[] tailB = CipherKnownAnswers.random(rnd, 1 + rnd.nextInt(200));
            for (boolean mac : new boolean[] {false, true}) {
                String what = (mac ? "HMAC-" : "") + alg + " split " + split;
                Hasher original = start(alg, mac, key).update(head);
                Hasher copy = original.copy();
                Hasher copyOfCopy = copy.copy();
                original.update(tailA);
                copy.update(tailB);
                assertThat(copy.digest()).as(what).isEqualTo(oneShot(alg, mac, key, head, tailB));
                assertThat(original.digest()).as(what).isEqualTo(oneShot(alg, mac, key, head, tailA));
                assertThat(copyOfCopy.update(tailA).digest()).as(what).isEqualTo(oneShot(alg, mac, key, head, tailA));
            }
        }
    }

    /** A copy's result does not depend on the key array after the hasher was made (callers zero keys). */
    @ParameterizedTest(name = "{0}")
    @EnumSource(HashAlg.class)
    void hmacCopyIsNotAffectedByTheCallerReusingTheKeyArray(HashAlg alg) {
        byte[] key = "an authValue the caller wipes".getBytes(StandardCharsets.US_ASCII);
        byte[] expected = oneShot(alg, true, key.clone(), new byte[] {1, 2, 3}, new byte[] {4, 5});
        Hasher h = digests().hmac(alg, key).update(new byte[] {1, 2, 3});
        Arrays.fill(key, (byte) 0);
        Hasher copy = h.copy();
        assertThat(copy.update(new byte[] {4, 5}).digest()).isEqualTo(expected);
        assertThat(h.update(new byte[] {4, 5}).digest()).isEqualTo(expected);
    }

    /** HotSpot's SHA intrinsics apply only to compiled code: the answers must hold once the path is hot. */
    @Test
    void answersStayRightOnceTheHotPathIsCompiled() {
        List<Record> vectors = shavs().filter(r -> r.file().contains("Short")).toList();
        HashAlg[] algs = new HashAlg[vectors.size()];
        byte[][] msgs = new byte[vectors.size()][];
        byte[][] mds = new byte[vectors.size()][];
        for (int j = 0; j < algs.length; j++) {
            Record r = vectors.get(j);
            algs[j] = algOfFile(r.file());
            msgs[j] = Arrays.copyOf(r.hex("Msg"), r.integer("Len") / 8);
            mds[j] = r.hex("MD");
        }
        byte[] key = "Jefe".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII);
        byte[] rfc4231case2 = HexFormat.of()
                .parseHex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < algs.length; j++) {
                assertThat(digests().hasher(algs[j]).update(msgs[j]).digest()).isEqualTo(mds[j]);
            }
            for (int j = 0; j < 50; j++) {
                assertThat(digests().hmac(HashAlg.SHA256, key).update(data).digest()).isEqualTo(rfc4231case2);
            }
        }
    }

    private Hasher start(HashAlg alg, boolean mac, byte[] key) {
        return mac ? digests().hmac(alg, key) : digests().hasher(alg);
    }

    private byte[] oneShot(HashAlg alg, boolean mac, byte[] key, byte[] a, byte[] b) {
        byte[] all = CipherKnownAnswers.concat(a, b);
        return start(alg, mac, key).update(all).digest();
    }
}
