package dev.jvtpm.engine.crypto;

import java.security.GeneralSecurityException;

/** A peer's point is not on the curve (or is the point at infinity); a TPM answers TPM_RC_ECC_POINT. */
public final class InvalidPointException extends GeneralSecurityException {
    private static final long serialVersionUID = 1L;

    public InvalidPointException(String message) {
        super(message);
    }
}
