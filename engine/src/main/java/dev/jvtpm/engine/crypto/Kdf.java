package dev.jvtpm.engine.crypto;

import dev.jvtpm.engine.types.HashAlg;
import java.nio.charset.StandardCharsets;

/** The TPM's key derivation functions: KDFa (SP 800-108 counter mode, Part 1 §11.4.10.2) and KDFe (§11.4.10.3). */
public final class Kdf {
    private final DigestFamily digests;
    private final FirstUseCheck check;

    public Kdf(DigestFamily digests) {
        this(digests, null);
    }

    /** A KDF that tells {@code check} (if not null) about KDFa (TPM_ALG_KDF1_SP800_108) before each use. */
    public Kdf(DigestFamily digests, FirstUseCheck check) {
        this.digests = digests;
        this.check = check;
    }

    /**
     * KDFa(hashAlg, key, label, contextU, contextV, bits): HMAC(key, [i]₃₂ ‖ label ‖ 00 ‖ U ‖ V ‖ [bits]₃₂)
     * for i = 1, 2, ...; the label gets its terminating zero here (pass it without). When bits is
     * not a multiple of 8 the leading byte is masked.
     */
    public byte[] kdfa(HashAlg alg, byte[] key, String label, byte[] contextU, byte[] contextV, int bits) {
        if (check != null) {
            check.beforeUse(dev.jvtpm.engine.types.TpmAlgId.KDF1_SP800_108);
        }
        int bytes = (bits + 7) / 8;
        byte[] out = new byte[bytes];
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int off = 0;
        for (int counter = 1; off < bytes; counter++) {
            Hasher h = digests.hmac(alg, key);
            h.updateU32(counter);
            h.update(labelBytes);
            h.update(new byte[] {0});
            if (contextU != null) {
                h.update(contextU);
            }
            if (contextV != null) {
                h.update(contextV);
            }
            h.updateU32(bits);
            byte[] block = h.digest();
            int n = Math.min(block.length, bytes - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        if (bits % 8 != 0) {
            out[0] &= (byte) ((1 << (bits % 8)) - 1);
        }
        return out;
    }

    /** KDFe(hashAlg, Z, label, partyU, partyV, bits): H([i]₃₂ ‖ Z ‖ label ‖ 00 ‖ U ‖ V), SP 800-56A concatenation. */
    public byte[] kdfe(HashAlg alg, byte[] z, String label, byte[] partyU, byte[] partyV, int bits) {
        int bytes = (bits + 7) / 8;
        byte[] out = new byte[bytes];
        byte[] labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        int off = 0;
        for (int counter = 1; off < bytes; counter++) {
            Hasher h = digests.hasher(alg);
            h.updateU32(counter);
            h.update(z);
            h.update(labelBytes);
            h.update(new byte[] {0});
            if (partyU != null) {
                h.update(partyU);
            }
            if (partyV != null) {
                h.update(partyV);
            }
            byte[] block = h.digest();
            int n = Math.min(block.length, bytes - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        if (bits % 8 != 0) {
            out[0] &= (byte) ((1 << (bits % 8)) - 1);
        }
        return out;
    }
}
