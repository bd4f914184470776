package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.SymMode;

/**
 * The derivation function the TCG reference implementation (and libtpms 0.9, CryptRand.c
 * DfStart/DfUpdate/DfEnd) runs over the inputs of a seeded DRBG: a CBC-MAC style chaining of
 * three AES-256 blocks under the fixed key 00 01 … 1F, whose 48-byte state becomes the DRBG's
 * entropy input.
 *
 * <p>It is not SP 800-90A's Block_Cipher_df. Reproduced here as the reference computes it,
 * including two details that matter for the output: the three chaining blocks are updated with a
 * running XOR of their previous values and the input block, and the length header (input length,
 * 48) overwrites the first 8 bytes of the first chaining block after the initial pass, with the
 * first 4 bytes of the first input block left zero. Only what is needed to produce identical
 * primary keys depends on this class.
 */
final class ReferenceDf {
    private static final int BLOCK = 16;
    private static final int COUNT = 3;
    private static final byte[] KEY = new byte[32];

    static {
        for (int i = 0; i < KEY.length; i++) {
            KEY[i] = (byte) i;
        }
    }

    private final CipherFamily aes;
    private final byte[][] iv = new byte[COUNT][BLOCK];
    private final byte[] buf = new byte[BLOCK];
    private int contents;

    private ReferenceDf(CipherFamily aes, int inputLength) {
        this.aes = aes;
        for (int i = 0; i < COUNT; i++) {
            iv[i][3] = (byte) i;
        }
        compute();
        byte[] header = {(byte) (inputLength >>> 24), (byte) (inputLength >>> 16), (byte) (inputLength >>> 8), (byte) inputLength,
            0, 0, 0, (byte) (COUNT * BLOCK)};
        System.arraycopy(header, 0, iv[0], 0, 8);
        contents = 4;
    }

    /** DF(input₁ ‖ input₂ ‖ …): 48 bytes. Null inputs are skipped, as the reference skips absent TPM2Bs. */
    static byte[] of(CipherFamily aes, byte[]... inputs) {
        int total = 0;
        for (byte[] in : inputs) {
            total += in == null ? 0 : in.length;
        }
        ReferenceDf df = new ReferenceDf(aes, total);
        for (byte[] in : inputs) {
            if (in != null) {
                df.update(in);
            }
        }
        return df.end();
    }

    private void update(byte[] data) {
        int off = 0;
        while (off < data.length) {
            int n = Math.min(BLOCK - contents, data.length - off);
            System.arraycopy(data, off, buf, contents, n);
            contents += n;
            off += n;
            if (contents == BLOCK) {
                compute();
            }
        }
    }

    private byte[] end() {
        buf[contents++] = (byte) 0x80;
        while (contents < BLOCK) {
            buf[contents++] = 0;
        }
        compute();
        byte[] out = new byte[COUNT * BLOCK];
        for (int i = 0; i < COUNT; i++) {
            System.arraycopy(iv[i], 0, out, i * BLOCK, BLOCK);
        }
        return out;
    }

    /** DfCompute: temp accumulates (iv[i] ⊕ buf) across the blocks; iv[i] = E(temp). */
    private void compute() {
        byte[] temp = new byte[BLOCK];
        for (int i = 0; i < COUNT; i++) {
            for (int j = 0; j < BLOCK; j++) {
                temp[j] ^= (byte) (iv[i][j] ^ buf[j]);
            }
            iv[i] = aes.aes(SymMode.ECB, true, KEY, null, temp);
        }
        java.util.Arrays.fill(buf, (byte) 0);
        contents = 0;
    }
}
