package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Deterministic primary-object derivation (Part 1 §27.4 "Primary Objects"; Part 3 §24.1
 * TPM2_CreatePrimary): the same hierarchy seed and template always give the same object.
 *
 * <p>Each hierarchy seed is stored with the {@link Version} it derives under, and a version, once
 * released, never changes its output: EK certificates and sealed data depend on it. A new
 * construction gets a new version; seeds keep theirs until the hierarchy is re-seeded.
 */
public final class PrimaryDerivation {
    /** The purpose label, with its terminating zero as the reference's TPM2B_STRING carries it. */
    static final byte[] PRIMARY_OBJECT_CREATION = "Primary Object Creation\0".getBytes(StandardCharsets.US_ASCII);

    /** A frozen derivation algorithm. */
    public enum Version {
        /**
         * The TCG reference construction as libtpms 0.9 runs it for seeds at compatibility level
         * RSA_PRIME_ADJUST_FIX (every seed a libtpms 0.9 TPM creates): a {@link SeededDrbg}
         * instantiated from seed ‖ "Primary Object Creation\0" ‖ Name(template) ‖
         * inSensitive.data, then {@link ObjectFactory} with {@link ReferenceRsaKeyGenerator}. Its
         * keys are those swtpm/libtpms derive from the same seed.
         */
        V1(1);

        private final int id;

        Version(int id) {
            this.id = id;
        }

        /** The number stored with a hierarchy seed. */
        public int id() {
            return id;
        }

        public static Version fromId(int id) {
            for (Version v : values()) {
                if (v.id == id) {
                    return v;
                }
            }
            throw new IllegalArgumentException("unknown primary derivation version " + id);
        }
    }

    private final CryptoSuite suite;
    private final ObjectFactory factory;
    private final ReferenceRsaKeyGenerator rsa = new ReferenceRsaKeyGenerator();

    public PrimaryDerivation(CryptoSuite suite) {
        this.suite = suite;
        this.factory = new ObjectFactory(suite);
    }

    /**
     * The primary object for {@code template} under {@code seed}.
     *
     * @param sensitive        inSensitive with its userAuth already adjusted (ObjectValidation.create);
     *                         its data takes part in the derivation even when the TPM generates the key
     * @param endorsementProofs for the Endorsement hierarchy, shProof and ehProof (in that order),
     *                         mixed in before the seedValue is drawn; empty for the other hierarchies
     */
    public CreatedObject derive(Version version, byte[] seed, PublicArea template, SensitiveCreate sensitive,
                                List<byte[]> endorsementProofs) throws TpmException {
        switch (version) {
            case V1: {
                SeededDrbg drbg = SeededDrbg.instantiate(suite.ciphers(), seed, PRIMARY_OBJECT_CREATION,
                        ObjectName.of(suite, template), sensitive.data());
                return factory.create(template, sensitive, drbg, rsa, endorsementProofs);
            }
            default:
                throw new IllegalStateException("unhandled version " + version);
        }
    }
}
