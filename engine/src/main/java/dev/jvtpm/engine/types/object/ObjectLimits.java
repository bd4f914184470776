package dev.jvtpm.engine.types.object;

/**
 * The maximum sizes of the TPM2B buffers in object structures, as this TPM's unmarshaller
 * enforces them (TPM_RC_SIZE when a size field exceeds them).
 *
 * <p>They are libtpms 0.9.2's {@code sizeof} values for the same buffers, except
 * {@link #ECC_KEY_BYTES}: libtpms also implements BN_P638 and so accepts 80-byte ECC parameters;
 * this TPM's largest curve is NIST P-521, so a TPM built like it answers 66 (see README of the
 * object packages for the list of such decisions).
 */
public final class ObjectLimits {
    private ObjectLimits() {}

    /** TPM2B_DIGEST: sizeof(TPMU_HA), the largest digest (SHA-512). */
    public static final int DIGEST = 64;
    /** TPM2B_DATA: sizeof(TPMT_HA). */
    public static final int DATA = 66;
    /** TPM2B_NAME: sizeof(TPMU_NAME) (a TPMT_HA padded to the alignment of a TPM_HANDLE). */
    public static final int NAME = 68;
    /** TPM2B_SENSITIVE_DATA: MAX_SYM_DATA. */
    public static final int SENSITIVE_DATA = 128;
    /** TPM2B_SYM_KEY: MAX_SYM_KEY_BYTES (AES-256). */
    public static final int SYM_KEY = 32;
    /** TPM2B_PUBLIC_KEY_RSA: MAX_RSA_KEY_BYTES (RSA-3072). */
    public static final int RSA_KEY = 384;
    /** TPM2B_PRIVATE_KEY_RSA: MAX_RSA_KEY_BYTES / 2. */
    public static final int RSA_PRIVATE = RSA_KEY / 2;
    /** TPM2B_ECC_PARAMETER: MAX_ECC_KEY_BYTES for NIST P-521. */
    public static final int ECC_KEY_BYTES = 66;
    /** TPM2B_IV: MAX_SYM_BLOCK_SIZE (AES). */
    public static final int IV = 16;
    /** TPM2B_LABEL: LABEL_MAX_BUFFER. */
    public static final int LABEL = 32;
    /** TPM2B_PRIVATE: sizeof(_PRIVATE) in libtpms (two digests and a TPM2B_SENSITIVE whose composite has room for a CRT key). */
    public static final int PRIVATE = 1230;
    /** TPM2B_ID_OBJECT: sizeof(TPMS_ID_OBJECT). */
    public static final int ID_OBJECT = 132;
    /** TPM2B_ENCRYPTED_SECRET: sizeof(TPMU_ENCRYPTED_SECRET) (an RSA-3072 block). */
    public static final int ENCRYPTED_SECRET = 384;
    /** TPM2B_TEMPLATE: sizeof(TPMT_PUBLIC). */
    public static final int TEMPLATE = 484;
}
