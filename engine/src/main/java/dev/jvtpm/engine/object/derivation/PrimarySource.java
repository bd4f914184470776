package dev.jvtpm.engine.object.derivation;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveCreate;
import dev.jvtpm.engine.wire.TpmException;
import java.util.List;

/**
 * Where TPM2_CreatePrimary gets its objects: {@link PrimaryDerivation} under the seed's version.
 * One per TPM instance.
 */
public final class PrimarySource {
    private final PrimaryDerivation derivation;

    public PrimarySource(CryptoSuite suite) {
        this.derivation = new PrimaryDerivation(suite);
    }

    /** The primary object for {@code template} under {@code seed}; see {@link PrimaryDerivation#derive}. */
    public CreatedObject derive(PrimaryDerivation.Version version, byte[] seed, PublicArea template, SensitiveCreate sensitive,
                                List<byte[]> endorsementProofs) throws TpmException {
        return derivation.derive(version, seed, template, sensitive, endorsementProofs);
    }
}
