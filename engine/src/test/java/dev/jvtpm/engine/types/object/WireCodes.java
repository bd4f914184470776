package dev.jvtpm.engine.types.object;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.HexFormat;

/** Test helpers: hex readers and the wire code an unmarshal failure carries. */
final class WireCodes {
    private WireCodes() {}

    interface Read {
        Object from(TpmReader r) throws TpmException;
    }

    static TpmReader hex(String hex) {
        return new TpmReader(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** The rc of the TpmException that reading {@code hex} as parameter {@code param} raises. */
    static int rcOf(Read read, int param, String hex) {
        TpmReader r = hex(hex).param(param);
        int[] rc = new int[1];
        assertThatThrownBy(() -> read.from(r)).isInstanceOfSatisfying(TpmException.class, e -> rc[0] = e.rc());
        return rc[0];
    }
}
