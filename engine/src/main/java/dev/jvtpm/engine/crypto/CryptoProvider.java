package dev.jvtpm.engine.crypto;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

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

    /**
     * The families this provider implements where it is available. A provider that can be
     * unavailable declares them itself, so the report lists it only where it would have competed.
     */
    default Set<PrimitiveFamily> families() {
        Set<PrimitiveFamily> s = EnumSet.noneOf(PrimitiveFamily.class);
        digests().ifPresent(f -> s.add(PrimitiveFamily.DIGEST));
        ciphers().ifPresent(f -> s.add(PrimitiveFamily.AES));
        entropy().ifPresent(f -> s.add(PrimitiveFamily.ENTROPY));
        rsa().ifPresent(f -> s.add(PrimitiveFamily.RSA));
        ecc().ifPresent(f -> s.add(PrimitiveFamily.ECC));
        return s;
    }

    /** Why this provider cannot serve at all on this host (missing library, CPU feature), or empty. */
    default Optional<String> unavailableReason() {
        return Optional.empty();
    }
}
