package dev.jvtpm.engine.pcr;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/** TPMT_HA and TPML_DIGEST_VALUES (Part 2 §10.3.2, §10.9.7). */
public record DigestValues(List<Digest> digests) {
    /** TPMT_HA: an implemented hash algorithm and a digest of its size. */
    public record Digest(HashAlg alg, byte[] digest) {
        public static Digest read(TpmReader r) throws TpmException {
            HashAlg alg = HashAlg.fromId(r.u16());
            if (alg == null) {
                throw r.fail(TpmRc.HASH);
            }
            return new Digest(alg, r.bytes(alg.digestSize()));
        }

        public void write(TpmWriter w) {
            w.u16(alg.id()).bytes(digest);
        }
    }

    /** count ≤ HASH_COUNT (else TPM_RC_SIZE), then that many TPMT_HA. */
    public static DigestValues read(TpmReader r) throws TpmException {
        int count = r.u32();
        if (count < 0 || count > HashAlg.values().length) {
            throw r.fail(TpmRc.SIZE);
        }
        List<Digest> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(Digest.read(r));
        }
        return new DigestValues(list);
    }

    public void write(TpmWriter w) {
        w.u32(digests.size());
        for (Digest d : digests) {
            d.write(w);
        }
    }
}
