package dev.jvtpm.engine.command.object;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.pcr.PcrAttributes;
import dev.jvtpm.engine.pcr.PcrSelection;
import dev.jvtpm.engine.ticket.CreationTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.CreationData;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * What TPM2_Create and TPM2_CreatePrimary report about the circumstances of creation (libtpms
 * FillInCreationData, TicketComputeCreation): TPMS_CREATION_DATA with the digest of the selected
 * PCRs (the selection filtered to the allocated PCRs, as it is also reported), the locality as a
 * TPMA_LOCALITY, the parent's nameAlg, Name and QN (a hierarchy's handle for a primary), and
 * outsideInfo; its nameAlg digest; and the creation ticket.
 */
record Creation(CreationData data, byte[] hash, Ticket ticket) {

    /** TPM2B_DATA outsideInfo: at most sizeof(TPMT_HA) (TPM_RC_SIZE). */
    static byte[] readOutsideInfo(TpmReader r) throws TpmException {
        return r.tpm2b(ObjectLimits.DATA);
    }

    /**
     * @param parentHandle a hierarchy handle for a primary object, else the parent's handle
     * @param parent       the parent object, or null for a primary
     * @param hierarchy    the hierarchy the ticket is issued in
     */
    static Creation of(TpmCore core, int parentHandle, KeyObject parent, HashAlg nameAlg, List<PcrSelection> creationPcr,
                       byte[] outsideInfo, int hierarchy, byte[] objectName) {
        List<PcrSelection> filtered = new ArrayList<>(creationPcr.size());
        Hasher pcrDigest = core.crypto.hasher(nameAlg);
        for (PcrSelection s : creationPcr) {
            PcrSelection f = s.filtered(core.pcrs.active().bitmap(s.hash()));
            filtered.add(f);
            for (int pcr = 0; pcr < PcrAttributes.PCR_COUNT; pcr++) {
                if (f.isSelected(pcr)) {
                    pcrDigest.update(core.pcrs.read(s.hash(), pcr));
                }
            }
        }
        CreationData data;
        if (parent == null) {
            byte[] handle = ObjectName.ofHandle(parentHandle);
            data = new CreationData(filtered, pcrDigest.digest(), 1 << core.locality, TpmAlgId.NULL, handle, handle,
                    outsideInfo);
        } else {
            data = new CreationData(filtered, pcrDigest.digest(), 1 << core.locality, parent.publicArea().nameAlg(),
                    parent.name(), parent.qualifiedName(), outsideInfo);
        }
        byte[] hash = core.crypto.hash(nameAlg, data.toBytes());
        return new Creation(data, hash, CreationTickets.compute(core, hierarchy, objectName, hash));
    }

    void write(TpmWriter w) {
        data.writeSized(w);
        w.tpm2b(hash);
        ticket.write(w);
    }
}
