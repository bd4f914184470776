package dev.jvtpm.engine.core;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Data cleared by Startup(CLEAR) and kept across Shutdown(STATE)/Startup(STATE) (the reference's
 * {@code gc}): hierarchy enables, platform authorization, and the PCR values saved for Resume.
 */
public final class StateClearData {
    public boolean shEnable = true;
    public boolean ehEnable = true;
    public boolean phEnableNV = true;
    public byte[] platformAuth = new byte[0];
    public HierarchyPolicy platformPolicy = HierarchyPolicy.EMPTY;
    /**
     * The authValue of the one PCR authorization group (PCR 20-22, as the reference platform),
     * set by TPM2_PCR_SetAuthValue; emptied by Startup(CLEAR) and TPM2_Clear.
     */
    public byte[] pcrAuth = new byte[0];
    /** PCR values saved by Shutdown(STATE): [bank ordinal][pcr] or null where not saved/allocated. */
    public byte[][][] savedPcrs = new byte[HashAlg.values().length][][];

    public StateClearData copy() {
        StateClearData c = new StateClearData();
        c.shEnable = shEnable;
        c.ehEnable = ehEnable;
        c.phEnableNV = phEnableNV;
        c.platformAuth = platformAuth.clone();
        c.platformPolicy = platformPolicy;
        c.pcrAuth = pcrAuth.clone();
        c.savedPcrs = deepCopy(savedPcrs);
        return c;
    }

    static byte[][][] deepCopy(byte[][][] v) {
        byte[][][] c = new byte[v.length][][];
        for (int b = 0; b < v.length; b++) {
            if (v[b] != null) {
                c[b] = new byte[v[b].length][];
                for (int i = 0; i < v[b].length; i++) {
                    c[b][i] = v[b][i] == null ? null : v[b][i].clone();
                }
            }
        }
        return c;
    }

    void save(TpmWriter w) {
        w.u16(2);
        Codec.bool(w, shEnable);
        Codec.bool(w, ehEnable);
        Codec.bool(w, phEnableNV);
        w.tpm2b(platformAuth);
        platformPolicy.save(w);
        writePcrs(w, savedPcrs);
        w.tpm2b(pcrAuth);
    }

    void load(TpmReader r) throws TpmException {
        int version = r.u16();
        shEnable = Codec.bool(r);
        ehEnable = Codec.bool(r);
        phEnableNV = Codec.bool(r);
        platformAuth = r.tpm2b(64);
        platformPolicy = HierarchyPolicy.load(r);
        savedPcrs = readPcrs(r);
        pcrAuth = version >= 2 ? r.tpm2b(64) : new byte[0];
    }

    static void writePcrs(TpmWriter w, byte[][][] pcrs) {
        w.u16(pcrs.length);
        for (HashAlg alg : HashAlg.values()) {
            byte[][] bank = pcrs[alg.ordinal()];
            w.u16(alg.id());
            if (bank == null) {
                w.u8(0);
                continue;
            }
            w.u8(bank.length);
            for (byte[] v : bank) {
                if (v == null) {
                    w.u16(0);
                } else {
                    w.tpm2b(v);
                }
            }
        }
    }

    static byte[][][] readPcrs(TpmReader r) throws TpmException {
        byte[][][] pcrs = new byte[HashAlg.values().length][][];
        int banks = r.u16();
        for (int b = 0; b < banks; b++) {
            HashAlg alg = HashAlg.fromId(r.u16());
            int n = r.u8();
            byte[][] bank = n == 0 ? null : new byte[n][];
            for (int i = 0; i < n; i++) {
                byte[] v = r.tpm2b(HashAlg.MAX_DIGEST_SIZE);
                bank[i] = v.length == 0 ? null : v;
            }
            if (alg != null) {
                pcrs[alg.ordinal()] = bank;
            }
        }
        return pcrs;
    }
}
