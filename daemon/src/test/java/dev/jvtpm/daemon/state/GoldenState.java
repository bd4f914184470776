package dev.jvtpm.daemon.state;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the golden state of one released format holds (daemon/src/test/resources/golden/&lt;version&gt;,
 * written once by {@link GoldenStateGenerator}): the values the generator put in and the tests read
 * back. Every version runs the same scenario; a version adds only what its format can newly hold.
 * (v1's README names this class and the generator as they were called when v1 was written,
 * {@code GoldenV1} and {@code GoldenStateV1Generator}; released files are never edited.)
 */
final class GoldenState {
    /** Every released format, oldest first: each must keep loading. */
    static final List<String> VERSIONS = List.of("v1", "v2");

    /** The state key: a test key, published with the blobs on purpose. */
    static final String KEY_FILE = "state.key";
    /** The TPM after TPM2_Shutdown(STATE) and CMD_SHUTDOWN: tpm2-00.permall only. */
    static final String SHUTDOWN_STATE = "shutdown-state";
    /** The same TPM, running, before the Shutdown: CMD_STORE_VOLATILE's permall and volatilestate. */
    static final String STORE_VOLATILE = "store-volatile";

    static final byte[] OWNER_AUTH = ascii("golden owner auth");
    static final byte[] INDEX_AUTH = ascii("golden index auth");
    static final int DATA_INDEX = 0x01500101;
    static final int COUNTER_INDEX = 0x01500102;
    static final int NV_ATTRS = NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.NO_DA;
    static final int COUNTER_ATTRS = NV_ATTRS | (NvAttributes.NT_COUNTER << 4);
    static final int INCREMENTS = 5;
    /** The ECC P-256 storage primary key under the owner hierarchy, made persistent here. */
    static final int SRK = 0x81000001;
    /** Where the SRK's transient copy stays loaded in the volatile state. */
    static final int SRK_TRANSIENT = 0x80000000;

    /** SHA-256 PCRs extended, with the events extended into each, in order. */
    static final int[] PCRS = {0, 7, 10, 16};
    static final String[][] EVENTS = {{"golden pcr 0"}, {"golden pcr 7"}, {"golden pcr 10 a", "golden pcr 10 b"},
        {"golden pcr 16"}};

    /** The PCR given an authValue by TPM2_PCR_SetAuthValue (format v2 on): PCR 20, of the auth group. */
    static final int AUTH_PCR = 20;

    /** The version directory, e.g. "v1". */
    final String version;
    /** The classpath directory of this version's files, ending in '/'. */
    final String resource;
    final String keyHex;
    /** The NV index's contents, "jvtpm golden state, format vN." (30 bytes). */
    final byte[] data;
    /** The SRK's TPM2B_PUBLIC and Name, as the generator printed them (its seeds are random). */
    final String srkPublic;
    final String srkName;
    /** TPM2_SetAlgorithmSet's value (persistent section v2); 0, the default, where the format predates it. */
    final int algorithmSet;
    /** PCR {@link #AUTH_PCR}'s authValue (state-clear data v2; kept by Resume); empty before v2. */
    final byte[] pcrAuth;

    private GoldenState(String version, String keyHex, String srkPublic, String srkName, int algorithmSet,
            byte[] pcrAuth) {
        this.version = version;
        this.resource = "/golden/" + version + "/";
        this.keyHex = keyHex;
        this.data = ascii("jvtpm golden state, format " + version + ".");
        this.srkPublic = srkPublic;
        this.srkName = srkName;
        this.algorithmSet = algorithmSet;
        this.pcrAuth = pcrAuth;
    }

    static GoldenState of(String version) {
        switch (version) {
            case "v1":
                return new GoldenState(version, "6a7674706d20676f6c64656e207374617465206b657920666f72207631212121",
                        "005a0023000b0003007200000006008000430010000300100020c6318d5909f16740"
                        + "df166831955e727f1822e6d7227084c794f57d03c729959f0020e7795223cf99a5aa8e626de"
                        + "fb68c1e28c71fa4869ba0b04dd5605b311e3f6bd9",
                        "000bb1cbc52ccce3586872f30862e0e308eb2dc6417e6f580b7f0e6f89c51de06959", 0, new byte[0]);
            case "v2":
                return new GoldenState(version, "6a7674706d20676f6c64656e207374617465206b657920666f72207632212121",
                        "005a0023000b00030072000000060080004300100003001000208cb283b5a58b9103"
                        + "a8fb0970295da61d1fa00e408ae84db7f22438545ca16618002031ca1748d58effdcbe515098"
                        + "783f7fdce03b07cdeb84d6cfdeadcf52290f4bb9",
                        "000b464cf62ec5a95f2bd78a691bb65688227ffc6142b6c08e38eb50ab02e5853272", ALGORITHM_SET_V2,
                        ascii("golden pcr 20 auth"));
            default:
                throw new IllegalArgumentException("no golden state " + version + " (known: " + VERSIONS + ")");
        }
    }

    /** The algorithm set selector the v2 state holds: "JVT2", any value being accepted. */
    private static final int ALGORITHM_SET_V2 = 0x4A565432;

    /** Whether this format holds the values only v2 and later can: algorithmSet, a PCR authValue. */
    boolean holdsV2Values() {
        return pcrAuth.length > 0;
    }

    static byte[] event(String name) {
        return TpmCommands.sha256(ascii(name));
    }

    /** The SHA-256 value of PCR {@code PCRS[i]} after its events, from all zeros. */
    static byte[] pcrValue(int i) {
        byte[] v = new byte[32];
        for (String e : EVENTS[i]) {
            v = TpmCommands.sha256(v, event(e));
        }
        return v;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return version;
    }
}
