package dev.jvtpm.engine.types;

/** TPM_SU startup types (Part 2 §6.13). */
public final class TpmSu {
    private TpmSu() {}

    public static final int CLEAR = 0x0000;
    public static final int STATE = 0x0001;
}
