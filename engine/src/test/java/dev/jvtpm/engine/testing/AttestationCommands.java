package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Command bytes of the attestation commands (Part 3 §18): Quote, Certify, CertifyCreation,
 * GetTime and NV_Certify, every authorization a password; {@code scheme} is a TPMT_SIG_SCHEME
 * from {@link ObjectCommands#scheme}.
 */
public final class AttestationCommands {
    private static final byte[] EMPTY = new byte[0];

    private AttestationCommands() {}

    /** TPML_PCR_SELECTION with one selection (three octets) per (alg, bitmap) pair. */
    public static byte[] pcrSelection(int... algAndBitmap) {
        TpmWriter w = new TpmWriter().u32(algAndBitmap.length / 2);
        for (int i = 0; i < algAndBitmap.length; i += 2) {
            int m = algAndBitmap[i + 1];
            w.u16(algAndBitmap[i]).u8(3).u8(m).u8(m >>> 8).u8(m >>> 16);
        }
        return w.toByteArray();
    }

    public static byte[] quote(int sign, byte[] data, byte[] scheme, byte[] pcrs) {
        return Commands.withPassword(TpmCc.QUOTE, sign, EMPTY, w -> w.tpm2b(data).bytes(scheme).bytes(pcrs));
    }

    public static byte[] certify(int object, int sign, byte[] data, byte[] scheme) {
        return Commands.withPasswords(TpmCc.CERTIFY, new int[] {object, sign}, new byte[][] {EMPTY, EMPTY},
                w -> w.tpm2b(data).bytes(scheme));
    }

    /** CertifyCreation has one authorization only: signHandle's (objectHandle needs none). */
    public static byte[] certifyCreation(int sign, int object, byte[] data, byte[] creationHash, byte[] scheme,
                                         Ticket ticket) {
        return Commands.withPasswords(TpmCc.CERTIFY_CREATION, new int[] {sign, object}, new byte[][] {EMPTY},
                w -> w.tpm2b(data).tpm2b(creationHash).bytes(scheme).u16(ticket.tag()).u32(ticket.hierarchy())
                        .tpm2b(ticket.digest()));
    }

    public static byte[] getTime(byte[] endorsementPw, int sign, byte[] data, byte[] scheme) {
        return Commands.withPasswords(TpmCc.GET_TIME, new int[] {TpmHandles.RH_ENDORSEMENT, sign},
                new byte[][] {endorsementPw, EMPTY}, w -> w.tpm2b(data).bytes(scheme));
    }

    public static byte[] nvCertify(int sign, int auth, byte[] authPw, int index, byte[] data, byte[] scheme, int size,
                                   int offset) {
        return Commands.withPasswords(TpmCc.NV_CERTIFY, new int[] {sign, auth, index}, new byte[][] {EMPTY, authPw},
                w -> w.tpm2b(data).bytes(scheme).u16(size).u16(offset));
    }
}
