package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.testing.CavpFile;
import dev.jvtpm.engine.testing.CavpFile.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The AES known answers every provider's {@link CipherFamily} must give (FIPS 197, SP 800-38A,
 * SP 800-38D): the same vector files, run once per provider by the subclasses in {@code jca} and
 * {@code bc}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CipherKnownAnswers {
    private static final HexFormat HEX = HexFormat.of();

    /** AESAVS KAT (ECB and CFB128) and MMT (ECB, CBC, CFB128, OFB) files; the mode is the file name's prefix. */
    static final String[] AESAVS = {
        "ECBGFSbox128.rsp", "ECBGFSbox256.rsp", "ECBKeySbox128.rsp", "ECBKeySbox256.rsp",
        "ECBVarTxt128.rsp", "ECBVarTxt256.rsp",
        "CFB128GFSbox128.rsp", "CFB128GFSbox256.rsp", "CFB128KeySbox128.rsp", "CFB128KeySbox256.rsp",
        "CFB128VarTxt128.rsp", "CFB128VarTxt256.rsp",
        "ECBMMT128.rsp", "ECBMMT256.rsp", "CBCMMT128.rsp", "CBCMMT256.rsp",
        "CFB128MMT128.rsp", "CFB128MMT256.rsp", "OFBMMT128.rsp", "OFBMMT256.rsp",
    };

    /** Enough calls for HotSpot's C2 to compile the SunJCE mode loops with their intrinsics. */
    static final int HOT_ITERATIONS = 10_000;

    private CipherFamily aes;

    protected abstract CryptoProvider provider();

    private CipherFamily aes() {
        if (aes == null) {
            aes = provider().ciphers().orElseThrow();
        }
        return aes;
    }

    static Stream<Record> aesavs() {
        return CavpFile.loadAll(Stream.of(AESAVS).map(f -> "aes/" + f).toArray(String[]::new));
    }

    static Stream<Record> sp80038a() {
        return CavpFile.load("aes/sp800-38a.rsp").stream();
    }

    static Stream<Record> gcmEncrypt() {
        return CavpFile.loadAll("gcm/gcmEncryptExtIV128.rsp", "gcm/gcmEncryptExtIV256.rsp");
    }

    static Stream<Record> gcmDecrypt() {
        return CavpFile.loadAll("gcm/gcmDecrypt128.rsp", "gcm/gcmDecrypt256.rsp");
    }

    private static SymMode modeOf(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.startsWith("CFB128") ? SymMode.CFB : SymMode.valueOf(name.substring(0, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aesavs")
    void aesavsVector(Record r) {
        SymMode mode = modeOf(r.file());
        byte[] key = r.hex("KEY");
        byte[] iv = mode == SymMode.ECB ? null : r.hex("IV");
        if (r.inSection("ENCRYPT")) {
            assertThat(aes().aes(mode, true, key, iv, r.hex("PLAINTEXT"))).isEqualTo(r.hex("CIPHERTEXT"));
        } else {
            assertThat(r.inSection("DECRYPT")).isTrue();
            assertThat(aes().aes(mode, false, key, iv, r.hex("CIPHERTEXT"))).isEqualTo(r.hex("PLAINTEXT"));
        }
    }

    /** SP 800-38A appendix F: each example in both directions. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("sp80038a")
    void sp80038aExample(Record r) {
        SymMode mode = SymMode.valueOf(r.headers().get(0));
        byte[] key = r.hex("KEY");
        byte[] iv = r.get("IV").isEmpty() ? null : r.hex("IV");
        assertThat(key).hasSize(r.integer("KEYBITS") / 8);
        assertThat(aes().aes(mode, true, key, iv, r.hex("PLAINTEXT"))).isEqualTo(r.hex("CIPHERTEXT"));
        assertThat(aes().aes(mode, false, key, iv, r.hex("CIPHERTEXT"))).isEqualTo(r.hex("PLAINTEXT"));
    }

    /**
     * CFB, CTR and OFB take any length (TPM parameter encryption is CFB over arbitrary sizes): a
     * partial last block must equal the block-by-block definition of SP 800-38A §6 truncated, and
     * CTR must carry across all 128 bits of the counter, as the TPM reference increments it.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SymMode.class, names = {"CFB", "CTR", "OFB"})
    void streamModesMatchTheBlockDefinitionAtEveryLength(SymMode mode) {
        Random rnd = new Random(0x38A);
        List<byte[]> carryIvs = List.of(
                HEX.parseHex("ffffffffffffffffffffffffffffffff"),
                HEX.parseHex("0000000000000000ffffffffffffffff"),
                HEX.parseHex("000102030405060708090a0b0c0d0eff"));
        for (int keyLen : new int[] {16, 32}) {
            for (int len = 0; len <= 80; len++) {
                checkAgainstBlocks(mode, random(rnd, keyLen), random(rnd, 16), random(rnd, len));
            }
            for (byte[] iv : carryIvs) {
                for (int len : new int[] {17, 33, 47, 64, 80}) {
                    checkAgainstBlocks(mode, random(rnd, keyLen), iv, random(rnd, len));
                }
            }
        }
    }

    private void checkAgainstBlocks(SymMode mode, byte[] key, byte[] iv, byte[] data) {
        byte[] reference = blockByBlock(mode, true, key, iv, data);
        String what = mode + " key " + key.length * 8 + " iv " + HEX.formatHex(iv) + " len " + data.length;
        assertThat(aes().aes(mode, true, key, iv, data)).as(what).isEqualTo(reference);
        assertThat(aes().aes(mode, false, key, iv, reference)).as(what).isEqualTo(data);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = SymMode.class, names = {"CBC", "ECB"})
    void blockModesRefusePartialBlocks(SymMode mode) {
        byte[] key = new byte[16];
        for (int len : new int[] {1, 15, 17, 31}) {
            assertThatThrownBy(() -> aes().aes(mode, true, key, new byte[16], new byte[len]))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> aes().aes(mode, false, key, new byte[16], new byte[len]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("gcmEncrypt")
    void gcmEncryptExtIv(Record r) throws AEADBadTagException {
        byte[] sealed = concat(r.hex("CT"), r.hex("Tag"));
        assertThat(aes().gcmSeal(r.hex("Key"), r.hex("IV"), r.hex("AAD"), r.hex("PT"))).isEqualTo(sealed);
        assertThat(aes().gcmOpen(r.hex("Key"), r.hex("IV"), r.hex("AAD"), sealed)).isEqualTo(r.hex("PT"));
    }

    /** GCMVS decrypt vectors: FAIL records must be refused with AEADBadTagException, the rest opened. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("gcmDecrypt")
    void gcmDecrypt(Record r) throws AEADBadTagException {
        byte[] sealed = concat(r.hex("CT"), r.hex("Tag"));
        if (r.has("FAIL")) {
            assertThatThrownBy(() -> aes().gcmOpen(r.hex("Key"), r.hex("IV"), r.hex("AAD"), sealed))
                    .isInstanceOf(AEADBadTagException.class);
        } else {
            assertThat(aes().gcmOpen(r.hex("Key"), r.hex("IV"), r.hex("AAD"), sealed)).isEqualTo(r.hex("PT"));
        }
    }

    /** Any single flipped bit of ciphertext, tag, AAD or nonce, and any truncation, is a bad tag. */
    @ParameterizedTest(name = "Keylen {0}")
    @ValueSource(ints = {128, 256})
    void gcmOpenRefusesEveryFlippedBitAndTruncation(int keyBits) throws AEADBadTagException {
        Record r = gcmEncrypt().filter(v -> v.header("Keylen").equals(String.valueOf(keyBits))
                        && v.header("PTlen").equals("128") && v.header("AADlen").equals("128"))
                .findFirst().orElseThrow();
        byte[] key = r.hex("Key");
        byte[] nonce = r.hex("IV");
        byte[] aad = r.hex("AAD");
        byte[] sealed = aes().gcmSeal(key, nonce, aad, r.hex("PT"));
        assertThat(aes().gcmOpen(key, nonce, aad, sealed)).isEqualTo(r.hex("PT"));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] bad = flip(sealed, bit);
            assertThatThrownBy(() -> aes().gcmOpen(key, nonce, aad, bad)).as("sealed bit %d", bit)
                    .isInstanceOf(AEADBadTagException.class);
        }
        for (int bit = 0; bit < aad.length * 8; bit++) {
            byte[] bad = flip(aad, bit);
            assertThatThrownBy(() -> aes().gcmOpen(key, nonce, bad, sealed)).as("aad bit %d", bit)
                    .isInstanceOf(AEADBadTagException.class);
        }
        for (int bit = 0; bit < nonce.length * 8; bit++) {
            byte[] bad = flip(nonce, bit);
            assertThatThrownBy(() -> aes().gcmOpen(key, bad, aad, sealed)).as("nonce bit %d", bit)
                    .isInstanceOf(AEADBadTagException.class);
        }
        for (int len = 0; len < sealed.length; len++) {
            byte[] cut = Arrays.copyOf(sealed, len);
            assertThatThrownBy(() -> aes().gcmOpen(key, nonce, aad, cut)).as("truncated to %d", len)
                    .isInstanceOf(AEADBadTagException.class);
        }
    }

    /**
     * HotSpot swaps in its AES, CTR and GHASH intrinsics only once a method is compiled, so the
     * vectors are also checked after enough repetitions for the JIT to have compiled the hot path.
     */
    @Test
    void answersStayRightOnceTheHotPathIsCompiled() throws AEADBadTagException {
        List<Record> examples = sp80038a().toList();
        SymMode[] modes = new SymMode[examples.size()];
        byte[][][] v = new byte[examples.size()][][];
        for (int j = 0; j < v.length; j++) {
            Record r = examples.get(j);
            modes[j] = SymMode.valueOf(r.headers().get(0));
            v[j] = new byte[][] {r.hex("KEY"), r.get("IV").isEmpty() ? null : r.hex("IV"), r.hex("PLAINTEXT"),
                r.hex("CIPHERTEXT")};
        }
        Record gcm = gcmEncrypt().filter(r -> r.header("PTlen").equals("408")).findFirst().orElseThrow();
        byte[] key = gcm.hex("Key");
        byte[] nonce = gcm.hex("IV");
        byte[] aad = gcm.hex("AAD");
        byte[] pt = gcm.hex("PT");
        byte[] sealed = concat(gcm.hex("CT"), gcm.hex("Tag"));
        // Plain comparisons in the loop: AssertJ per call would cost more than the AES itself.
        List<String> wrong = new ArrayList<>();
        for (int i = 0; i < HOT_ITERATIONS && wrong.size() < 10; i++) {
            for (int j = 0; j < v.length; j++) {
                if (!Arrays.equals(aes().aes(modes[j], true, v[j][0], v[j][1], v[j][2]), v[j][3])) {
                    wrong.add("iteration " + i + ": " + examples.get(j) + " encrypt");
                }
                if (!Arrays.equals(aes().aes(modes[j], false, v[j][0], v[j][1], v[j][3]), v[j][2])) {
                    wrong.add("iteration " + i + ": " + examples.get(j) + " decrypt");
                }
            }
            if (!Arrays.equals(aes().gcmSeal(key, nonce, aad, pt), sealed)
                    || !Arrays.equals(aes().gcmOpen(key, nonce, aad, sealed), pt)) {
                wrong.add("iteration " + i + ": " + gcm);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** SP 800-38A §6.3-6.5 one block at a time, on this provider's ECB (which the KATs above pin). */
    private byte[] blockByBlock(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] in) {
        byte[] out = new byte[in.length];
        byte[] register = iv.clone();
        for (int off = 0; off < in.length; off += 16) {
            byte[] keystream = aes().aes(SymMode.ECB, true, key, null, register);
            int n = Math.min(16, in.length - off);
            for (int i = 0; i < n; i++) {
                out[off + i] = (byte) (in[off + i] ^ keystream[i]);
            }
            switch (mode) {
                case CFB:
                    System.arraycopy(encrypt ? out : in, off, register, 0, n);
                    break;
                case OFB:
                    register = keystream;
                    break;
                case CTR:
                    for (int i = 15; i >= 0 && ++register[i] == 0; i--) {
                        // carry into the next byte
                    }
                    break;
                default:
                    throw new IllegalArgumentException(mode.name());
            }
        }
        return out;
    }

    static byte[] random(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] flip(byte[] in, int bit) {
        byte[] out = in.clone();
        out[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
        return out;
    }
}
