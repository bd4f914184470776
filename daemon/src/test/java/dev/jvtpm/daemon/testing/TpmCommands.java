package dev.jvtpm.daemon.testing;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** TPM 2.0 command bytes for the tests, built by hand from Part 3 so they are independent of the engine. */
public final class TpmCommands {
    public static final int SU_CLEAR = 0;
    public static final int SU_STATE = 1;
    public static final int RC_SUCCESS = 0;
    public static final int RC_INITIALIZE = 0x100;
    public static final int RC_FAILURE = 0x101;
    public static final int RC_COMMAND_SIZE = 0x142;
    public static final int RC_LOCALITY = 0x907;
    public static final int RC_BAD_TAG = 0x01E;
    /** swtpm §2.2: the answer to every data command while the TPM is not running. */
    public static final String FATAL = "80010000000a00000101";

    private TpmCommands() {}

    public static byte[] startup(int su) {
        return ByteBuffer.allocate(12).putShort((short) 0x8001).putInt(12).putInt(0x144).putShort((short) su).array();
    }

    public static byte[] shutdown(int su) {
        return ByteBuffer.allocate(12).putShort((short) 0x8001).putInt(12).putInt(0x145).putShort((short) su).array();
    }

    public static byte[] getRandom(int n) {
        return ByteBuffer.allocate(12).putShort((short) 0x8001).putInt(12).putInt(0x17B).putShort((short) n).array();
    }

    /** TPM2_ReadClock, QEMU's TPM 2 probe. */
    public static byte[] readClock() {
        return Hex.bytes("80010000000a00000181");
    }

    /** TPM2_PCR_Extend(pcr, sha256 digest) with an empty password session. */
    public static byte[] pcrExtendSha256(int pcr, byte[] digest) {
        ByteBuffer b = ByteBuffer.allocate(2 + 4 + 4 + 4 + 4 + 9 + 4 + 2 + 32);
        b.putShort((short) 0x8002).putInt(b.capacity()).putInt(0x182).putInt(pcr);
        b.putInt(9).putInt(0x40000009).putShort((short) 0).put((byte) 0).putShort((short) 0);
        b.putInt(1).putShort((short) 0x000B).put(digest);
        return b.array();
    }

    /** TPM2_PCR_Read of sha256 PCRs. */
    public static byte[] pcrReadSha256(int... pcrs) {
        byte[] select = new byte[3];
        for (int p : pcrs) {
            select[p / 8] |= (byte) (1 << (p % 8));
        }
        ByteBuffer b = ByteBuffer.allocate(10 + 4 + 2 + 1 + 3);
        b.putShort((short) 0x8001).putInt(b.capacity()).putInt(0x17E);
        b.putInt(1).putShort((short) 0x000B).put((byte) 3).put(select);
        return b.array();
    }

    /** The digests of a successful PCR_Read response, in order. */
    public static List<byte[]> pcrReadDigests(byte[] rsp) {
        ByteBuffer b = ByteBuffer.wrap(rsp);
        b.position(10 + 4); // header, pcrUpdateCounter
        int selections = b.getInt();
        for (int i = 0; i < selections; i++) {
            b.getShort();
            int n = b.get() & 0xFF;
            b.position(b.position() + n);
        }
        int count = b.getInt();
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] d = new byte[b.getShort() & 0xFFFF];
            b.get(d);
            out.add(d);
        }
        return out;
    }

    public static int rc(byte[] rsp) {
        return ByteBuffer.wrap(rsp, 6, 4).getInt();
    }

    public static byte[] sha256(byte[]... parts) {
        try {
            var md = java.security.MessageDigest.getInstance("SHA-256");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
