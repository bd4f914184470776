package dev.jvtpm.daemon.state;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.nv.NvAttributes;
import java.nio.charset.StandardCharsets;

/**
 * What the golden state of format v1 holds (daemon/src/test/resources/golden/v1, written once by
 * {@link GoldenStateV1Generator}): the values the generator put in and the test reads back.
 */
final class GoldenV1 {
    private GoldenV1() {}

    static final String RESOURCE = "/golden/v1/";
    /** The state key: a test key, published with the blobs on purpose. */
    static final String KEY_FILE = "state.key";
    static final String KEY_HEX = "6a7674706d20676f6c64656e207374617465206b657920666f72207631212121";
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
    static final byte[] DATA = ascii("jvtpm golden state, format v1.");
    static final int INCREMENTS = 5;
    /** The ECC P-256 storage primary key under the owner hierarchy, made persistent here. */
    static final int SRK = 0x81000001;
    /** Where the SRK's transient copy stays loaded in the volatile state. */
    static final int SRK_TRANSIENT = 0x80000000;

    /** SHA-256 PCRs extended, with the events extended into each, in order. */
    static final int[] PCRS = {0, 7, 10, 16};
    static final String[][] EVENTS = {{"golden pcr 0"}, {"golden pcr 7"}, {"golden pcr 10 a", "golden pcr 10 b"},
        {"golden pcr 16"}};

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

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
