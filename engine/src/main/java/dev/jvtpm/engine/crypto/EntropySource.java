package dev.jvtpm.engine.crypto;

/** Fresh entropy for seeding the TPM's DRBG. Guarantee: full-entropy bytes, never repeated. */
public interface EntropySource {
    void fill(byte[] out);
}
