package dev.jvtpm.daemon.state;

import dev.jvtpm.daemon.testing.TpmCommands;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The fields the durability tests read out of TPM responses (Part 3 response layouts): NV_Read's
 * data, one SHA-256 PCR from PCR_Read, ReadPublic's public area and Name. Each fails with the
 * response in hex when the response is not a success.
 */
final class Answers {
    private Answers() {}

    static final int RC_SUCCESS = 0;
    /** TPM_RC_VALUE for parameter 1: Startup(STATE) with nothing to resume (0x084 | RC_P | RC_1). */
    static final int RC_STARTUP_STATE_REFUSED = 0x1C4;

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    static byte[] ok(String what, byte[] rsp) {
        if (rsp.length < 10 || TpmCommands.rc(rsp) != 0) {
            throw new AssertionError(what + " failed: " + hex(rsp));
        }
        return rsp;
    }

    /** NV_Read (with a session area): u32 parameterSize, TPM2B_MAX_NV_BUFFER data. */
    static byte[] nvData(byte[] rsp) {
        try {
            TpmReader r = new TpmReader(ok("NV_Read", rsp));
            r.skip(10);
            r.u32();
            return r.tpm2b(2048);
        } catch (TpmException e) {
            throw new AssertionError("malformed NV_Read response " + hex(rsp), e);
        }
    }

    /** A counter index's value: its 8 bytes, big-endian. */
    static long counter(byte[] nvReadRsp) {
        byte[] d = nvData(nvReadRsp);
        if (d.length != 8) {
            throw new AssertionError("a counter reads as 8 bytes, got " + hex(d));
        }
        long v = 0;
        for (byte b : d) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }

    /** PCR_Read of one SHA-256 PCR. */
    static byte[] pcrReadCommand(int pcr) {
        return Commands.pcrRead(TpmAlgId.SHA256, 1 << pcr);
    }

    /** The single digest of a {@link #pcrReadCommand} response. */
    static byte[] pcr(byte[] rsp) {
        var digests = TpmCommands.pcrReadDigests(ok("PCR_Read", rsp));
        if (digests.size() != 1) {
            throw new AssertionError("PCR_Read of one PCR returned " + digests.size() + " digests: " + hex(rsp));
        }
        return digests.get(0);
    }

    /** A SHA-256 PCR's value after extending {@code from} with {@code digest}. */
    static byte[] extended(byte[] from, byte[] digest) {
        return TpmCommands.sha256(from, digest);
    }

    static byte[] zeros() {
        return new byte[32];
    }

    /** ReadPublic's TPM2B_PUBLIC (with its size) and Name. */
    record Public(byte[] publicArea, byte[] name) {
        @Override
        public String toString() {
            return "public " + hex(publicArea) + ", name " + hex(name);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Public p && Arrays.equals(publicArea, p.publicArea) && Arrays.equals(name, p.name);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(name);
        }
    }

    static Public readPublic(byte[] rsp) {
        try {
            TpmReader r = new TpmReader(ok("ReadPublic", rsp));
            r.skip(10);
            int start = r.position();
            byte[] area = r.tpm2b(1024);
            byte[] sized = Arrays.copyOfRange(rsp, start, start + 2 + area.length);
            return new Public(sized, r.tpm2b(68));
        } catch (TpmException e) {
            throw new AssertionError("malformed ReadPublic response " + hex(rsp), e);
        }
    }

    /** CreatePrimary's objectHandle (the response's first field after the header). */
    static int objectHandle(byte[] rsp) {
        ok("CreatePrimary", rsp);
        return ((rsp[10] & 0xFF) << 24) | ((rsp[11] & 0xFF) << 16) | ((rsp[12] & 0xFF) << 8) | (rsp[13] & 0xFF);
    }
}
