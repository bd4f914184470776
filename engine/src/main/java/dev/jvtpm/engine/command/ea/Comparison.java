package dev.jvtpm.engine.command.ea;

import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;

/**
 * TPM_EO (Part 2 §6.8), the comparisons of TPM2_PolicyCounterTimer and TPM2_PolicyNV
 * (PolicySptCheckCondition): operand A (TPM data) against operand B (given), as big-endian
 * unsigned or two's-complement signed integers of the same length, or as bit masks.
 */
final class Comparison {
    static final int EQ = 0, NEQ = 1, SIGNED_GT = 2, UNSIGNED_GT = 3, SIGNED_LT = 4, UNSIGNED_LT = 5,
            SIGNED_GE = 6, UNSIGNED_GE = 7, SIGNED_LE = 8, UNSIGNED_LE = 9, BITSET = 10, BITCLEAR = 11;

    private Comparison() {}

    /** TPM_EO_Unmarshal: TPM_RC_VALUE above TPM_EO_BITCLEAR. */
    static int read(TpmReader r) throws TpmException {
        int op = r.u16();
        if (op > BITCLEAR) {
            throw r.fail(TpmRc.VALUE);
        }
        return op;
    }

    static boolean holds(int operation, byte[] a, int aOff, byte[] b) {
        int n = b.length;
        switch (operation) {
            case EQ: return unsigned(a, aOff, b) == 0;
            case NEQ: return unsigned(a, aOff, b) != 0;
            case SIGNED_GT: return signed(a, aOff, b) > 0;
            case UNSIGNED_GT: return unsigned(a, aOff, b) > 0;
            case SIGNED_LT: return signed(a, aOff, b) < 0;
            case UNSIGNED_LT: return unsigned(a, aOff, b) < 0;
            case SIGNED_GE: return signed(a, aOff, b) >= 0;
            case UNSIGNED_GE: return unsigned(a, aOff, b) >= 0;
            case SIGNED_LE: return signed(a, aOff, b) <= 0;
            case UNSIGNED_LE: return unsigned(a, aOff, b) <= 0;
            case BITSET:
                for (int i = 0; i < n; i++) {
                    if ((a[aOff + i] & b[i]) != b[i]) {
                        return false;
                    }
                }
                return true;
            default:
                for (int i = 0; i < n; i++) {
                    if ((a[aOff + i] & b[i]) != 0) {
                        return false;
                    }
                }
                return true;
        }
    }

    private static int unsigned(byte[] a, int aOff, byte[] b) {
        for (int i = 0; i < b.length; i++) {
            int d = (a[aOff + i] & 0xFF) - (b[i] & 0xFF);
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /**
     * SignedCompareB as the reference implementation (Part 4 §9.11.2.2, libtpms 0.9.2) has it:
     * different signs order by sign; two negative operands compare in reverse unsigned order
     * (so 0x87 counts as less than 0x80). Two's complement would keep the unsigned order, but a
     * policy must be satisfied exactly where a reference TPM satisfies it.
     */
    private static int signed(byte[] a, int aOff, byte[] b) {
        if (b.length == 0) {
            return 0;
        }
        boolean aNeg = a[aOff] < 0;
        boolean bNeg = b[0] < 0;
        if (aNeg != bNeg) {
            return aNeg ? -1 : 1;
        }
        return aNeg ? -unsigned(a, aOff, b) : unsigned(a, aOff, b);
    }
}
