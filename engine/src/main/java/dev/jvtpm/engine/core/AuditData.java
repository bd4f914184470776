package dev.jvtpm.engine.core;

import dev.jvtpm.engine.state.StateSection;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * Persistent data of command audit and of time-bound authorizations (parts of the reference's
 * {@code gp}): the command audit hash and counter, and the time epoch. Policy timeouts and
 * TPMT_TK_AUTH tickets are bound to the epoch, which changes on every _TPM_Init because Time
 * starts again from zero then (the reference's TimeNewEpoch when the timer was stopped).
 */
public final class AuditData implements StateSection {
    /** gp.auditHashAlg: the reference starts with the context integrity hash. */
    public HashAlg auditHashAlg = HashAlg.SHA512;
    /** gp.auditCounter: incremented when an audited command starts a new audit digest. */
    public long auditCounter;
    /** gp.timeEpoch. */
    public long timeEpoch;

    @Override
    public int tag() {
        return 20;
    }

    @Override
    public String name() {
        return "audit-and-epoch";
    }

    @Override
    public void save(TpmWriter w) {
        w.u16(1).u16(auditHashAlg.id()).u64(auditCounter).u64(timeEpoch);
    }

    @Override
    public void load(TpmReader r) throws TpmException {
        r.u16();
        auditHashAlg = HashAlg.require(r.u16());
        auditCounter = r.u64();
        timeEpoch = r.u64();
    }

    @Override
    public void reset() {
        auditHashAlg = HashAlg.SHA512;
        auditCounter = 0;
        timeEpoch = 0;
    }
}
