package dev.jvtpm.engine;

/**
 * What the TPM says it is: manufacturer, vendor strings, firmware version and the spec version
 * it follows (TPM_PT_MANUFACTURER etc.). swtpm_setup copies these into EK certificates, so a
 * deployment that migrates from swtpm may want {@link #swtpmCompatible()}.
 */
public record TpmIdentity(
        String manufacturer,
        String vendor1, String vendor2, String vendor3, String vendor4,
        int firmwareVersion1, int firmwareVersion2,
        String model,
        int specLevel, int specRevision, int specDayOfYear, int specYear,
        PlatformSpec platformSpec) {

    /**
     * The platform-specific specification the TPM claims (TPM_PT_PS_FAMILY_INDICATOR, _LEVEL,
     * _REVISION, _DAY_OF_YEAR, _YEAR).
     */
    public record PlatformSpec(int family, int level, int revision, int dayOfYear, int year) {
        /** TCG PC Client Platform TPM Profile (family TPM_PS_PC = 1), revision 1.05. */
        public static final PlatformSpec PC_CLIENT = new PlatformSpec(1, 0, 105, 0, 0);
    }

    public TpmIdentity {
        if (manufacturer.length() > 4 || vendor1.length() > 4 || vendor2.length() > 4
                || vendor3.length() > 4 || vendor4.length() > 4) {
            throw new IllegalArgumentException("manufacturer and vendor strings are at most 4 characters");
        }
    }

    /**
     * jvtpm's own identity: manufacturer "JVTP", firmware 0.1, spec 1.59 (2019, day 312), PC Client
     * platform profile.
     */
    public static TpmIdentity jvtpm() {
        return new TpmIdentity("JVTP", "jvtp", "m", "", "", 0x00000001, 0x00000000, "jvtpm",
                0, 159, 312, 2019, PlatformSpec.PC_CLIENT);
    }

    /**
     * The values swtpm 0.7.1 / libtpms 0.9 report ("IBM", "SW  TPM", firmware 2019-10-23, spec 1.64).
     * libtpms reports the library specification again as its platform specification ("2.0",
     * level 0, revision 164, day 75 of 2021).
     */
    public static TpmIdentity swtpmCompatible() {
        return new TpmIdentity("IBM", "SW  ", " TPM", "", "", 0x20191023, 0x00163636, "swtpm",
                0, 164, 75, 2021, new PlatformSpec(0x322E3000, 0, 164, 75, 2021));
    }

    /** A 4-character string as the big-endian u32 GetCapability returns (padded with NULs). */
    public static int packed(String s) {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (i < s.length() ? s.charAt(i) & 0xFF : 0);
        }
        return v;
    }

    /** "id:00001014" style, as swtpm's GET_INFO and EK certificates spell the manufacturer. */
    public String manufacturerId() {
        return String.format("id:%08X", packed(manufacturer));
    }
}
