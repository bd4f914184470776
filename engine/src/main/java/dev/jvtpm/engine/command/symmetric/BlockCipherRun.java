package dev.jvtpm.engine.command.symmetric;

import dev.jvtpm.engine.crypto.CipherFamily;
import dev.jvtpm.engine.crypto.SymMode;
import java.util.Arrays;

/**
 * One TPM2_EncryptDecrypt operation: the output data and ivOut, the IV to continue a longer
 * message with, exactly as libtpms (which hands the cipher to OpenSSL) returns it: the chaining
 * value OpenSSL holds after the call. CBC: the last ciphertext block. CFB: the feedback register,
 * that is the last ciphertext block, or for a partial last block its ciphertext bytes followed by
 * the rest of the keystream block. OFB: the last keystream block. CTR: the initial counter plus
 * the number of blocks used. ECB: empty. No data: ivIn unchanged.
 */
record BlockCipherRun(byte[] outData, byte[] ivOut) {
    private static final int BLOCK = 16;

    static BlockCipherRun run(CipherFamily aes, SymMode mode, boolean decrypt, byte[] key, byte[] iv, byte[] in) {
        if (in.length == 0) {
            return new BlockCipherRun(new byte[0], iv.clone());
        }
        if (mode == SymMode.ECB) {
            return new BlockCipherRun(aes.aes(mode, !decrypt, key, new byte[BLOCK], in), new byte[0]);
        }
        byte[] out = aes.aes(mode, !decrypt, key, iv, in);
        byte[] cipherText = decrypt ? in : out;
        int n = in.length;
        int fullBlocks = n / BLOCK;
        int tail = n % BLOCK;
        byte[] ivOut;
        switch (mode) {
            case CBC:
                ivOut = Arrays.copyOfRange(cipherText, n - BLOCK, n);
                break;
            case CFB: {
                if (tail == 0) {
                    ivOut = Arrays.copyOfRange(cipherText, n - BLOCK, n);
                } else {
                    byte[] prev = fullBlocks == 0 ? iv : Arrays.copyOfRange(cipherText, fullBlocks * BLOCK - BLOCK, fullBlocks * BLOCK);
                    ivOut = encryptBlock(aes, key, prev);
                    System.arraycopy(cipherText, fullBlocks * BLOCK, ivOut, 0, tail);
                }
                break;
            }
            case OFB: {
                // The keystream is in XOR out for whole blocks; the block a partial tail used is
                // the encryption of the keystream block before it.
                int lastFull = tail == 0 ? fullBlocks - 1 : fullBlocks;
                byte[] prev = lastFull == 0 ? iv : xor(in, out, (lastFull - 1) * BLOCK);
                ivOut = tail == 0 && fullBlocks > 0 ? xor(in, out, (fullBlocks - 1) * BLOCK) : encryptBlock(aes, key, prev);
                break;
            }
            case CTR:
                ivOut = add(iv, (n + BLOCK - 1) / BLOCK);
                break;
            default:
                throw new IllegalArgumentException(mode.name());
        }
        return new BlockCipherRun(out, ivOut);
    }

    private static byte[] encryptBlock(CipherFamily aes, byte[] key, byte[] block) {
        return aes.aes(SymMode.ECB, true, key, new byte[BLOCK], block);
    }

    private static byte[] xor(byte[] a, byte[] b, int off) {
        byte[] o = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            o[i] = (byte) (a[off + i] ^ b[off + i]);
        }
        return o;
    }

    /** The 128-bit big-endian counter plus {@code blocks}. */
    private static byte[] add(byte[] counter, long blocks) {
        byte[] o = counter.clone();
        long carry = blocks;
        for (int i = o.length - 1; i >= 0 && carry != 0; i--) {
            long v = (o[i] & 0xFF) + (carry & 0xFF);
            o[i] = (byte) v;
            carry = (carry >>> 8) + (v >>> 8);
        }
        return o;
    }
}
