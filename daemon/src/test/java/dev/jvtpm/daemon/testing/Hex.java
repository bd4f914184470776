package dev.jvtpm.daemon.testing;

import java.util.HexFormat;

/** Hex strings in tests, spaces allowed for readability ("00000001 0000ffff"). */
public final class Hex {
    private Hex() {}

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
