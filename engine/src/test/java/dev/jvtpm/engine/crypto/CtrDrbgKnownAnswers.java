package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.testing.CavpFile;
import dev.jvtpm.engine.testing.CavpFile.Record;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SP 800-90A CTR_DRBG (AES-256, no derivation function) against the CAVP DRBGVS vectors, on the
 * AES of each provider: run once per provider by the subclasses in {@code jca} and {@code bc}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class CtrDrbgKnownAnswers {
    private CipherFamily aes;

    protected abstract CryptoProvider provider();

    private CipherFamily aes() {
        if (aes == null) {
            aes = provider().ciphers().orElseThrow();
        }
        return aes;
    }

    static Stream<Record> noReseed() {
        return CavpFile.load("drbg/CTR_DRBG-no_reseed-AES-256-no-df.rsp").stream();
    }

    static Stream<Record> reseed() {
        return CavpFile.load("drbg/CTR_DRBG-pr_false-AES-256-no-df.rsp").stream();
    }

    /** DRBGVS §6.2 without reseed: instantiate, generate and discard, generate and compare. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("noReseed")
    void instantiateGenerateGenerate(Record r) {
        assertThat(r.inSection("AES-256 no df")).isTrue();
        CtrDrbg drbg = instantiate(r);
        assertThat(r.has("EntropyInputReseed")).isFalse();
        assertThat(generateTwice(drbg, r)).isEqualTo(r.hex("ReturnedBits"));
    }

    /** DRBGVS §6.2 with prediction resistance off: instantiate, reseed, generate and discard, generate and compare. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("reseed")
    void instantiateReseedGenerateGenerate(Record r) {
        assertThat(r.inSection("AES-256 no df")).isTrue();
        CtrDrbg drbg = instantiate(r);
        drbg.reseed(r.hex("EntropyInputReseed"), r.hex("AdditionalInputReseed"));
        assertThat(generateTwice(drbg, r)).isEqualTo(r.hex("ReturnedBits"));
    }

    /**
     * A request over {@link CtrDrbg#MAX_REQUEST} bytes is served as consecutive requests of at most
     * that size with the same additional input: the bytes and the state afterwards equal those of
     * the explicit sequence of requests.
     */
    @Test
    void requestsOverTheMaximumEqualTheSequenceOfMaximalRequests() {
        Random rnd = new Random(90_000);
        int max = CtrDrbg.MAX_REQUEST;
        List<Integer> sizes = new ArrayList<>(List.of(max, max + 1, 2 * max, 2 * max + 1, 3 * max - 1));
        for (int i = 0; i < 6; i++) {
            sizes.add(max + 1 + rnd.nextInt(3 * max));
        }
        for (int size : sizes) {
            for (boolean withInput : new boolean[] {false, true}) {
                byte[] seed = CipherKnownAnswers.random(rnd, CtrDrbg.SEED_LEN);
                byte[] input = withInput ? CipherKnownAnswers.random(rnd, 1 + rnd.nextInt(CtrDrbg.SEED_LEN)) : null;
                CtrDrbg whole = CtrDrbg.fromSeed(aes(), seed, null);
                CtrDrbg pieces = CtrDrbg.fromSeed(aes(), seed, null);
                byte[] big = new byte[size];
                whole.generate(big, input);
                byte[] joined = new byte[size];
                for (int off = 0; off < size; off += max) {
                    byte[] piece = new byte[Math.min(max, size - off)];
                    pieces.generate(piece, input);
                    System.arraycopy(piece, 0, joined, off, piece.length);
                }
                String what = "size " + size + (withInput ? " with additional input" : "");
                assertThat(big).as(what).isEqualTo(joined);
                byte[] nextWhole = new byte[48];
                byte[] nextPieces = new byte[48];
                whole.generate(nextWhole);
                pieces.generate(nextPieces);
                assertThat(nextWhole).as(what + ", next request").isEqualTo(nextPieces);
            }
        }
    }

    /** Requests of any length are prefixes of the keystream the mechanism defines: lengths are not rounded. */
    @Test
    void shortRequestsArePrefixesOfTheBlockOutput() {
        Random rnd = new Random(4);
        for (int len = 0; len <= 64; len++) {
            byte[] seed = CipherKnownAnswers.random(rnd, CtrDrbg.SEED_LEN);
            byte[] full = new byte[64];
            CtrDrbg.fromSeed(aes(), seed, null).generate(full);
            byte[] part = new byte[len];
            CtrDrbg.fromSeed(aes(), seed, null).generate(part);
            assertThat(part).as("length %d", len).isEqualTo(Arrays.copyOf(full, len));
        }
    }

    private CtrDrbg instantiate(Record r) {
        assertThat(r.get("Nonce")).as("no-df vectors carry no nonce").isEmpty();
        return CtrDrbg.fromSeed(aes(), r.hex("EntropyInput"), r.hex("PersonalizationString"));
    }

    private static byte[] generateTwice(CtrDrbg drbg, Record r) {
        List<String> inputs = r.all("AdditionalInput");
        assertThat(inputs).hasSize(2);
        byte[] out = new byte[r.hex("ReturnedBits").length];
        drbg.generate(out, hexOrNull(inputs.get(0)));
        drbg.generate(out, hexOrNull(inputs.get(1)));
        return out;
    }

    private static byte[] hexOrNull(String hex) {
        return hex.isEmpty() ? null : HexFormat.of().parseHex(hex);
    }
}
