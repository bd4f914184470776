package dev.jvtpm.engine.command.symmetric;

import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.hash.Hash;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.YesNo;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_EncryptDecrypt2 (Part 3 §15.3): TPM2_EncryptDecrypt with inData first, so that it can be
 * session-encrypted. Parameters inData (1), decrypt (2), mode (3), ivIn (4); every code as
 * TPM2_EncryptDecrypt's, at these positions.
 */
public final class EncryptDecrypt2 extends Command<EncryptDecrypt.In, BlockCipherRun> {
    private static final EncryptDecrypt.Positions POSITIONS = new EncryptDecrypt.Positions(3, 4, 1);

    public EncryptDecrypt2() {
        super(CommandDescriptor.builder(TpmCc.ENCRYPT_DECRYPT2).handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .decrypt().encrypt().build());
    }

    @Override
    public EncryptDecrypt.In decode(int[] handles, TpmReader r) throws TpmException {
        byte[] data = r.param(1).tpm2b(Hash.MAX_BUFFER);
        boolean decrypt = YesNo.read(r.param(2));
        int mode = EncryptDecrypt.readCipherMode(r.param(3));
        byte[] iv = r.param(4).tpm2b(ObjectLimits.IV);
        return new EncryptDecrypt.In(handles[0], decrypt, mode, iv, data);
    }

    @Override
    public BlockCipherRun execute(CommandContext ctx, EncryptDecrypt.In in) throws TpmException {
        return EncryptDecrypt.shared(ctx, in, POSITIONS);
    }

    @Override
    public void encode(BlockCipherRun out, TpmWriter w) {
        w.tpm2b(out.outData()).tpm2b(out.ivOut());
    }
}
