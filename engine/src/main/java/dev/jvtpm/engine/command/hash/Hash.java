package dev.jvtpm.engine.command.hash;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_Hash (Part 3 §15.4): the digest of data (TPM2B_MAX_BUFFER, at most 1024 bytes, else
 * TPM_RC_SIZE at parameter 1) and a TPMT_TK_HASHCHECK. The ticket is the NULL ticket when
 * hierarchy is TPM_RH_NULL or the data starts with TPM_GENERATED_VALUE; data shorter than four
 * bytes is ticketed. TPM_RC_HASH (parameter 2) for a hashAlg that is not an implemented hash;
 * TPM_RC_VALUE (parameter 3) for a hierarchy other than owner, endorsement, platform or null. As
 * in the reference, a disabled hierarchy still gets its ticket.
 */
public final class Hash extends Command<Hash.In, Hash.Out> {
    /** MAX_DIGEST_BUFFER: the largest TPM2B_MAX_BUFFER (TPM_PT_INPUT_BUFFER). */
    public static final int MAX_BUFFER = 1024;

    public record In(byte[] data, HashAlg hashAlg, int hierarchy) {}

    public record Out(byte[] outHash, Ticket validation) {}

    public Hash() {
        super(CommandDescriptor.builder(TpmCc.HASH).decrypt().encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(MAX_BUFFER);
        HashAlg alg = HashAlg.read(r.param(2), false);
        return new In(data, alg, readHierarchy(r.param(3)));
    }

    /** TPMI_RH_HIERARCHY+ as a parameter. */
    static int readHierarchy(TpmReader r) throws TpmException {
        int h = r.u32();
        if (!HandleTypes.HIERARCHY_OR_NULL.accepts(h)) {
            throw r.fail(TpmRc.VALUE);
        }
        return h;
    }

    @Override
    public Out execute(CommandContext ctx, In in) {
        byte[] digest = ctx.core().crypto.hash(in.hashAlg(), in.data());
        boolean safe = in.data().length < 4 || HashCheckTickets.isSafe(in.data());
        return new Out(digest, HashCheckTickets.issue(ctx.core(), in.hierarchy(), safe, in.hashAlg(), digest));
    }

    @Override
    public void encode(Out out, TpmWriter w) {
        w.tpm2b(out.outHash());
        out.validation().write(w);
    }
}
