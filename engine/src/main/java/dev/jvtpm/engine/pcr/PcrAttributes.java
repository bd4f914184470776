package dev.jvtpm.engine.pcr;

/**
 * PC Client platform PCR attributes (PC Client Platform TPM Profile, PCR table): whether a PCR
 * is saved by Shutdown(STATE), and from which localities it may be reset or extended. Bit n of a
 * mask is locality n.
 */
public final class PcrAttributes {
    private PcrAttributes() {}

    public static final int PCR_COUNT = 24;
    /** Size of a TPMS_PCR_SELECTION bitmap covering every PCR (TPM_PT_PCR_SELECT_MIN). */
    public static final int SELECT_SIZE = 3;
    /** The H-CRTM PCR, initialised to the startup locality. */
    public static final int HCRTM_PCR = 0;
    /** The DRTM PCR extended by _TPM_Hash_End after Startup. */
    public static final int DRTM_PCR = 17;

    private static final boolean[] STATE_SAVE = new boolean[PCR_COUNT];
    private static final int[] RESET_LOCALITIES = new int[PCR_COUNT];
    private static final int[] EXTEND_LOCALITIES = new int[PCR_COUNT];

    static {
        for (int i = 0; i < 16; i++) {
            STATE_SAVE[i] = true;
            RESET_LOCALITIES[i] = 0;
            EXTEND_LOCALITIES[i] = 0x1F;
        }
        set(16, 0x0F, 0x1F); // debug
        set(17, 0x10, 0x1C); // locality 4 (DRTM)
        set(18, 0x10, 0x1C); // locality 3
        set(19, 0x10, 0x0C); // locality 2
        set(20, 0x14, 0x0E); // locality 1
        set(21, 0x14, 0x04); // dynamic OS
        set(22, 0x14, 0x04); // dynamic OS
        set(23, 0x0F, 0x1F); // application specific
    }

    private static void set(int pcr, int reset, int extend) {
        RESET_LOCALITIES[pcr] = reset;
        EXTEND_LOCALITIES[pcr] = extend;
    }

    public static boolean stateSaved(int pcr) {
        return STATE_SAVE[pcr];
    }

    public static boolean resettableAt(int pcr, int locality) {
        return (RESET_LOCALITIES[pcr] & (1 << locality)) != 0;
    }

    public static boolean extendableAt(int pcr, int locality) {
        return (EXTEND_LOCALITIES[pcr] & (1 << locality)) != 0;
    }

    /** PCRs whose reset value is all ones: those only resettable from locality 4 (17-22). */
    public static boolean resetToOnes(int pcr) {
        return (RESET_LOCALITIES[pcr] & 0x10) != 0;
    }

    /** A bitmap (as an int over {@link #SELECT_SIZE} bytes) of PCRs with the given property. */
    /**
     * PCRBelongsAuthGroup: the PCR has the authValue of the one authorization group
     * (NUM_AUTHVALUE_PCR_GROUP 1: PCR 20-22, as in the reference's PC Client configuration).
     */
    public static boolean inAuthGroup(int pcr) {
        return pcr >= 20 && pcr <= 22;
    }

    /** PCRBelongsPolicyGroup: the PCR has the policy of the one policy group (PCR 20-22). */
    public static boolean inPolicyGroup(int pcr) {
        return pcr >= 20 && pcr <= 22;
    }

    public static int mask(java.util.function.IntPredicate p) {
        int m = 0;
        for (int i = 0; i < PCR_COUNT; i++) {
            if (p.test(i)) {
                m |= 1 << i;
            }
        }
        return m;
    }
}
