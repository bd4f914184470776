package dev.jvtpm.engine.command.capability;

/**
 * Upper bounds of TPMS_CONTEXT blobs that ContextSave returns (TPM_PT_MAX_OBJECT_CONTEXT /
 * MAX_SESSION_CONTEXT). The Linux resource manager keeps three of each in 16 KiB buffers, so
 * these must stay honest and well below ~5 KiB.
 */
public final class ContextSizes {
    private ContextSizes() {}

    public static final int MAX_OBJECT_CONTEXT = 2680;
    public static final int MAX_SESSION_CONTEXT = 1024;
}
