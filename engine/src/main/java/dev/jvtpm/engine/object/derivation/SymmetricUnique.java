package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;

/**
 * The {@code unique} of a KEYEDHASH or SYMCIPHER object (Part 1 §27.7 "Symmetric Objects"; libtpms
 * CryptComputeSymmetricUnique): H<sub>nameAlg</sub>(seedValue ‖ sensitive) in general, but
 * HMAC<sub>nameAlg</sub>(key = seedValue, sensitive) for a restricted decrypt object (a symmetric
 * or derivation parent), so that the parent's seed is not exposed to a length-extension.
 */
public final class SymmetricUnique {
    private SymmetricUnique() {}

    public static byte[] compute(CryptoSuite suite, PublicArea p, SensitiveArea s) {
        if (p.has(ObjectAttributes.RESTRICTED) && p.has(ObjectAttributes.DECRYPT)) {
            return suite.hmac(p.nameHash(), s.seedValue(), s.sensitive());
        }
        return suite.hash(p.nameHash(), s.seedValue(), s.sensitive());
    }
}
