package dev.jvtpm.engine.crypto;

import java.util.Optional;

/**
 * One implementation of some primitive families. The chain ({@link ProviderChain}) asks each
 * provider, in tier order, for a family and takes the first that passes its self-test.
 */
public interface CryptoProvider {
    String name();

    Tier tier();

    default Optional<DigestFamily> digests() {
        return Optional.empty();
    }

    default Optional<CipherFamily> ciphers() {
        return Optional.empty();
    }

    default Optional<EntropySource> entropy() {
        return Optional.empty();
    }

    default Optional<RsaFamily> rsa() {
        return Optional.empty();
    }

    default Optional<EccFamily> ecc() {
        return Optional.empty();
    }

    /** Why this provider cannot serve at all on this host (missing library, CPU feature), or empty. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }
}
