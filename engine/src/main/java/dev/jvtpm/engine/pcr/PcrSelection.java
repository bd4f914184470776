package dev.jvtpm.engine.pcr;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * TPMS_PCR_SELECTION (Part 2 §10.6.2): a hash algorithm and a bitmap, bit (n mod 8) of byte n/8
 * selecting PCR n. Bits beyond the implemented PCRs are kept as sent (the caller decides whether
 * they matter). {@code hashAlg} is the raw TPM_ALG_ID so that unknown banks can be reported back.
 */
public record PcrSelection(int hashAlg, byte[] select) {
    /**
     * TPMS_PCR_SELECTION_Unmarshal: the hash must be an implemented one (TPM_RC_HASH) and
     * sizeofSelect must lie in [PCR_SELECT_MIN, PCR_SELECT_MAX], both 3 for 24 PCRs (TPM_RC_VALUE).
     */
    public static PcrSelection read(TpmReader r) throws TpmException {
        int hash = r.u16();
        if (HashAlg.fromId(hash) == null) {
            throw r.fail(TpmRc.HASH);
        }
        int size = r.u8();
        if (size != PcrAttributes.SELECT_SIZE) {
            throw r.fail(TpmRc.VALUE);
        }
        return new PcrSelection(hash, r.bytes(size));
    }

    public HashAlg hash() {
        return HashAlg.fromId(hashAlg);
    }

    /** A copy with only the bits also set in {@code allowed} (FilterPcr). */
    public PcrSelection filtered(int allowed) {
        byte[] s = select.clone();
        for (int i = 0; i < s.length; i++) {
            s[i] &= (byte) (allowed >>> (8 * i));
        }
        return new PcrSelection(hashAlg, s);
    }

    public void write(TpmWriter w) {
        w.u16(hashAlg).u8(select.length).bytes(select);
    }

    public boolean isSelected(int pcr) {
        int byteIndex = pcr / 8;
        return byteIndex < select.length && (select[byteIndex] & (1 << (pcr % 8))) != 0;
    }

    public boolean isEmpty() {
        for (byte b : select) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** The selection as an int bitmap over PCRs 0..31. */
    public int bitmap() {
        int m = 0;
        for (int i = 0; i < select.length; i++) {
            m |= (select[i] & 0xFF) << (8 * i);
        }
        return m;
    }

    public static PcrSelection of(HashAlg alg, int bitmap) {
        byte[] s = new byte[PcrAttributes.SELECT_SIZE];
        for (int i = 0; i < s.length; i++) {
            s[i] = (byte) (bitmap >>> (8 * i));
        }
        return new PcrSelection(alg.id(), s);
    }

    /** TPML_PCR_SELECTION: u32 count (≤ HASH_COUNT, else TPM_RC_SIZE) then the selections. */
    public static List<PcrSelection> readList(TpmReader r) throws TpmException {
        int maxCount = HashAlg.values().length;
        int count = r.u32();
        if (count < 0 || count > maxCount) {
            throw r.fail(TpmRc.SIZE);
        }
        List<PcrSelection> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(read(r));
        }
        return out;
    }

    public static void writeList(TpmWriter w, List<PcrSelection> list) {
        w.u32(list.size());
        for (PcrSelection s : list) {
            s.write(w);
        }
    }
}
