package dev.jvtpm.engine.pcr;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import java.util.Arrays;

/**
 * The PCR values in RAM, one bank per implemented hash, shaped by the allocation in force since
 * the last _TPM_Init.
 */
public final class PcrBanks {
    private final byte[][][] values = new byte[HashAlg.values().length][][];
    private PcrAllocation active;

    public PcrBanks(PcrAllocation allocation) {
        applyAllocation(allocation);
    }

    /** Makes {@code allocation} the live one (at _TPM_Init); values are reinitialised by the next Startup. */
    public void applyAllocation(PcrAllocation allocation) {
        this.active = allocation.copy();
        for (HashAlg alg : HashAlg.values()) {
            int bm = active.bitmap(alg);
            if (bm == 0) {
                values[alg.ordinal()] = null;
                continue;
            }
            byte[][] bank = new byte[PcrAttributes.PCR_COUNT][];
            for (int i = 0; i < bank.length; i++) {
                bank[i] = new byte[alg.digestSize()];
            }
            values[alg.ordinal()] = bank;
        }
    }

    public PcrAllocation active() {
        return active;
    }

    public boolean isAllocated(HashAlg alg, int pcr) {
        return pcr >= 0 && pcr < PcrAttributes.PCR_COUNT && (active.bitmap(alg) & (1 << pcr)) != 0;
    }

    /** The current value, or null when that PCR is not allocated in that bank. */
    public byte[] read(HashAlg alg, int pcr) {
        return isAllocated(alg, pcr) ? values[alg.ordinal()][pcr].clone() : null;
    }

    /** Sets a value directly (Startup initialisation, state restore, DRTM). */
    public void set(HashAlg alg, int pcr, byte[] value) {
        if (isAllocated(alg, pcr)) {
            values[alg.ordinal()][pcr] = Arrays.copyOf(value, alg.digestSize());
        }
    }

    /** PCR := H(PCR ‖ digest) where digest is truncated or zero-padded to the bank's size. */
    public void extend(CryptoSuite crypto, HashAlg alg, int pcr, byte[] digest) {
        if (!isAllocated(alg, pcr)) {
            return;
        }
        byte[] current = values[alg.ordinal()][pcr];
        Hasher h = crypto.hasher(alg);
        h.update(current);
        h.update(Arrays.copyOf(digest, alg.digestSize()));
        values[alg.ordinal()][pcr] = h.digest();
    }

    /** Resets PCR to its startup value in every bank (zeros, or ones for locality-4 PCRs). */
    public void resetToInitial(int pcr) {
        for (HashAlg alg : HashAlg.values()) {
            if (isAllocated(alg, pcr)) {
                byte[] v = new byte[alg.digestSize()];
                if (PcrAttributes.resetToOnes(pcr)) {
                    Arrays.fill(v, (byte) 0xFF);
                }
                values[alg.ordinal()][pcr] = v;
            }
        }
    }

    /** Sets PCR to all zeros in every bank (PCR_Reset and the DRTM reset of PCRs 17-22). */
    public void resetToZero(int pcr) {
        for (HashAlg alg : HashAlg.values()) {
            if (isAllocated(alg, pcr)) {
                values[alg.ordinal()][pcr] = new byte[alg.digestSize()];
            }
        }
    }

    /**
     * Whether a change of {@code pcr} leaves the PCR update counter alone: PC Client puts PCRs
     * 16 and 21-23 in the "no increment" group (TPM_PT_PCR_NO_INCREMENT).
     */
    public static boolean noIncrement(int pcr) {
        return pcr == 16 || (pcr >= 21 && pcr <= 23);
    }

    /** A deep copy of every bank, for state save. */
    public byte[][][] snapshot() {
        byte[][][] copy = new byte[values.length][][];
        for (int b = 0; b < values.length; b++) {
            if (values[b] != null) {
                copy[b] = new byte[values[b].length][];
                for (int i = 0; i < values[b].length; i++) {
                    copy[b][i] = values[b][i].clone();
                }
            }
        }
        return copy;
    }
}
