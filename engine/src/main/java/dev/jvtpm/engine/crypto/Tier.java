package dev.jvtpm.engine.crypto;

/** Where a provider sits in the chain; lower ordinal is tried first. */
public enum Tier {
    /** JCA intrinsics, native OpenSSL, CPU entropy instructions. */
    HARDWARE,
    /** A host TPM through tpm2-tss; only for cold paths. */
    HOST_TPM,
    /** BouncyCastle's lightweight API; always present. */
    PURE_JAVA
}
