package dev.jvtpm.engine.core;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/** An authPolicy with its hash algorithm (TPM_ALG_NULL and empty when unset). */
public record HierarchyPolicy(int hashAlg, byte[] digest) {
    public static final HierarchyPolicy EMPTY = new HierarchyPolicy(TpmAlgId.NULL, new byte[0]);

    public void save(TpmWriter w) {
        w.u16(hashAlg).tpm2b(digest);
    }

    public static HierarchyPolicy load(TpmReader r) throws TpmException {
        return new HierarchyPolicy(r.u16(), r.tpm2b(HashAlg.MAX_DIGEST_SIZE));
    }
}
