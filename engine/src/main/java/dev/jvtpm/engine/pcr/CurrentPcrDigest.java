package dev.jvtpm.engine.pcr;

import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import java.util.ArrayList;
import java.util.List;

/**
 * PCRComputeCurrentDigest: the digest, under one hash, of the current values of the selected
 * PCRs, bank after bank in selection order and PCR after PCR in index order. The selection is
 * first filtered (FilterPcr): PCRs of a bank that is not allocated, or not allocated in it, drop
 * out. TPM2_Quote reports the filtered selection; TPM2_PolicyPCR extends it into the policy.
 */
public record CurrentPcrDigest(List<PcrSelection> selection, byte[] digest) {
    public static CurrentPcrDigest compute(CryptoSuite crypto, PcrBanks pcrs, HashAlg hash, List<PcrSelection> in) {
        List<PcrSelection> filtered = new ArrayList<>(in.size());
        Hasher values = crypto.hasher(hash);
        for (PcrSelection sel : in) {
            PcrSelection f = sel.filtered(allocated(pcrs, sel.hash()));
            filtered.add(f);
            for (int pcr = 0; pcr < PcrAttributes.PCR_COUNT; pcr++) {
                if (f.isSelected(pcr)) {
                    values.update(pcrs.read(sel.hash(), pcr));
                }
            }
        }
        return new CurrentPcrDigest(List.copyOf(filtered), values.digest());
    }

    /** The allocated PCRs of a bank as a bitmap (none for a bank that is not allocated). */
    private static int allocated(PcrBanks pcrs, HashAlg alg) {
        int mask = 0;
        for (int pcr = 0; pcr < PcrAttributes.PCR_COUNT; pcr++) {
            if (pcrs.isAllocated(alg, pcr)) {
                mask |= 1 << pcr;
            }
        }
        return mask;
    }
}
