package dev.jvtpm.engine.core;

/**
 * Why a TPM entered failure mode, numbered as the reference's FATAL_ERROR_* codes so that
 * TPM2_GetTestResult data reads the same as from libtpms.
 */
public enum FailureCode {
    NONE(0),
    INTERNAL(3),
    SELF_TEST(6),
    NV_UNRECOVERABLE(8);

    private final int value;

    FailureCode(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }
}
