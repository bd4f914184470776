package dev.jvtpm.engine.command;

import dev.jvtpm.engine.TpmIdentity;
import dev.jvtpm.engine.core.FailureCode;
import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.types.TpmCap;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmPt;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmWriter;
import java.nio.charset.StandardCharsets;

/**
 * What a TPM in failure mode answers (Part 1 "Failure Mode"; the reference's TpmFailureMode):
 * only TPM2_GetTestResult and TPM2_GetCapability(TPM_CAP_TPM_PROPERTIES) for the identity
 * properties work, both only in their exact no-session form; everything else, however malformed,
 * gets the 10-byte TPM_RC_FAILURE response.
 *
 * <p>GetTestResult's outData is, as in libtpms, three u32: the first four bytes of the name of
 * the failing part, a line number (always 0 here), and the FATAL_ERROR_* code; testResult is
 * TPM_RC_FAILURE (TPM_RC_NV_UNINITIALIZED for an unrecoverable NV error). GetCapability returns
 * one property per call from TPM_PT_MANUFACTURER to TPM_PT_FIRMWARE_VERSION_2. Two reference
 * quirks are not copied: for propertyCount 0 it emits a dangling property tag after a zero count,
 * and above TPM_PT_FIRMWARE_VERSION_2 it returns the requested tag with the firmware version as
 * its value; here both return an empty list.
 */
final class FailureMode {
    private FailureMode() {}

    static byte[] respond(TpmCore core, byte[] cmd) {
        if (cmd.length < 10 || u16(cmd, 0) != TpmSt.NO_SESSIONS || u32(cmd, 2) < 10) {
            return CommandDispatcher.errorResponse(TpmRc.FAILURE);
        }
        int size = u32(cmd, 2);
        int code = u32(cmd, 6);
        TpmWriter w = new TpmWriter(64);
        w.u16(TpmSt.NO_SESSIONS).u32(0).u32(TpmRc.SUCCESS);
        if (code == TpmCc.GET_TEST_RESULT && size == 10) {
            byte[] where = (core.failureWhere + "\0\0\0\0").getBytes(StandardCharsets.US_ASCII);
            w.u16(12).bytes(where, 0, 4).u32(0).u32(core.failureCode.value());
            w.u32(core.failureCode == FailureCode.NV_UNRECOVERABLE ? TpmRc.NV_UNINITIALIZED : TpmRc.FAILURE);
        } else if (code == TpmCc.GET_CAPABILITY && size == 22 && cmd.length >= 22
                && u32(cmd, 10) == TpmCap.TPM_PROPERTIES) {
            long pt = Integer.toUnsignedLong(u32(cmd, 14));
            long count = Integer.toUnsignedLong(u32(cmd, 18));
            if (pt < TpmPt.MANUFACTURER) {
                pt = TpmPt.MANUFACTURER;
            }
            boolean one = count > 0 && pt <= TpmPt.FIRMWARE_VERSION_2;
            w.u8(pt < TpmPt.FIRMWARE_VERSION_2 ? 1 : 0).u32(TpmCap.TPM_PROPERTIES).u32(one ? 1 : 0);
            if (one) {
                w.u32((int) pt).u32(identityProperty(core.config.identity(), (int) pt));
            }
        } else {
            return CommandDispatcher.errorResponse(TpmRc.FAILURE);
        }
        w.patchU32(2, w.size());
        return w.toByteArray();
    }

    private static int identityProperty(TpmIdentity id, int pt) {
        switch (pt) {
            case TpmPt.MANUFACTURER: return TpmIdentity.packed(id.manufacturer());
            case TpmPt.VENDOR_STRING_1: return TpmIdentity.packed(id.vendor1());
            case TpmPt.VENDOR_STRING_2: return TpmIdentity.packed(id.vendor2());
            case TpmPt.VENDOR_STRING_3: return TpmIdentity.packed(id.vendor3());
            case TpmPt.VENDOR_STRING_4: return TpmIdentity.packed(id.vendor4());
            case TpmPt.VENDOR_TPM_TYPE: return 1;
            case TpmPt.FIRMWARE_VERSION_1: return id.firmwareVersion1();
            default: return id.firmwareVersion2();
        }
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int u32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
