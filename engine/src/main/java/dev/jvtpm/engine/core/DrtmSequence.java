package dev.jvtpm.engine.core;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import java.util.EnumMap;
import java.util.Map;

/** The event sequence opened by _TPM_Hash_Start: one running hash per implemented algorithm. */
public final class DrtmSequence {
    private final Map<HashAlg, Hasher> hashes = new EnumMap<>(HashAlg.class);

    public DrtmSequence(CryptoSuite crypto) {
        for (HashAlg alg : HashAlg.values()) {
            hashes.put(alg, crypto.hasher(alg));
        }
    }

    public void update(byte[] data) {
        for (Hasher h : hashes.values()) {
            h.update(data);
        }
    }

    public byte[] finish(HashAlg alg) {
        return hashes.get(alg).digest();
    }
}
