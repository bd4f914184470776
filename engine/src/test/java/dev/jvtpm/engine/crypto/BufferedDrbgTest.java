package dev.jvtpm.engine.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The TPM's buffered DRBG hands out exactly the DRBG's block output, in order, and drops it on reseed. */
class BufferedDrbgTest {
    private static final CipherFamily AES = ProviderChain.javaOnly().resolve(ProviderPolicy.all()).ciphers();
    private static final byte[] SEED = new byte[CtrDrbg.SEED_LEN];

    static {
        Arrays.fill(SEED, (byte) 7);
    }

    @Test
    void outputIsTheDrbgBlockStreamWhateverTheRequestSizes() {
        BufferedDrbg buffered = new BufferedDrbg(CtrDrbg.fromSeed(AES, SEED, null));
        CtrDrbg direct = CtrDrbg.fromSeed(AES, SEED, null);
        byte[] expected = new byte[3 * BufferedDrbg.BLOCK];
        for (int b = 0; b < 3; b++) {
            byte[] block = new byte[BufferedDrbg.BLOCK];
            direct.generate(block);
            System.arraycopy(block, 0, expected, b * BufferedDrbg.BLOCK, block.length);
        }
        byte[] got = new byte[expected.length];
        int off = 0;
        int[] sizes = {1, 32, 64, 1000, 7, 2048, 0, 3};
        for (int i = 0; off < got.length; i++) {
            byte[] piece = new byte[Math.min(sizes[i % sizes.length], got.length - off)];
            buffered.fill(piece);
            System.arraycopy(piece, 0, got, off, piece.length);
            off += piece.length;
        }
        assertThat(got).isEqualTo(expected);
    }

    @Test
    void reseedDiscardsBufferedOutputSoStirredInputCountsAtOnce() {
        EntropySource fixed = out -> Arrays.fill(out, (byte) 9);
        byte[] add = {1, 2, 3};
        BufferedDrbg buffered = new BufferedDrbg(new CtrDrbg(AES, fixed, null));
        byte[] first = new byte[16];
        buffered.fill(first);
        buffered.reseed(add);
        byte[] next = new byte[16];
        buffered.fill(next);

        CtrDrbg reference = new CtrDrbg(AES, fixed, null);
        byte[] block = new byte[BufferedDrbg.BLOCK];
        reference.generate(block);
        assertThat(Arrays.copyOf(block, 16)).isEqualTo(first);
        reference.reseed(null, add);
        reference.generate(block);
        assertThat(Arrays.copyOf(block, 16)).isEqualTo(next);
    }
}
