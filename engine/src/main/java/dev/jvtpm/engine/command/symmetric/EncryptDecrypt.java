package dev.jvtpm.engine.command.symmetric;

import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.command.AuthRole;
import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.command.HandleTypes;
import dev.jvtpm.engine.command.hash.Hash;
import dev.jvtpm.engine.crypto.SymMode;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.YesNo;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * TPM2_EncryptDecrypt (Part 3 §15.2): encrypts or decrypts with an unrestricted SYMCIPHER key in
 * CFB, CBC, CTR, OFB or ECB. Parameters decrypt (1), mode (2), ivIn (3), inData (4); unmarshalling
 * gives TPM_RC_VALUE (decrypt not YES/NO), TPM_RC_MODE (mode), TPM_RC_SIZE (ivIn over 16 bytes,
 * inData over 1024) at their positions. Then (EncryptDecryptShared): TPM_RC_KEY (handle 1) for a
 * key that is not a SYMCIPHER; TPM_RC_ATTRIBUTES (handle 1) for a restricted key or one without
 * decrypt (to decrypt) or sign (to encrypt); TPM_RC_MODE (parameter mode) when the key's mode is
 * set and mode is neither NULL nor the same, or both are NULL; TPM_RC_SIZE (parameter ivIn) unless
 * ivIn is one block (empty for ECB); TPM_RC_SIZE (parameter inData) for CBC/ECB data that is not
 * whole blocks. ivOut is {@link BlockCipherRun}'s.
 */
public final class EncryptDecrypt extends Command<EncryptDecrypt.In, BlockCipherRun> {
    public record In(int keyHandle, boolean decrypt, int mode, byte[] ivIn, byte[] inData) {}

    /** The parameter numbers of mode, ivIn and inData in one of the two commands. */
    record Positions(int mode, int ivIn, int inData) {}

    private static final Positions POSITIONS = new Positions(2, 3, 4);

    public EncryptDecrypt() {
        super(CommandDescriptor.builder(TpmCc.ENCRYPT_DECRYPT).handle("keyHandle", HandleTypes.OBJECT, AuthRole.USER)
                .encrypt().build());
    }

    @Override
    public In decode(int[] handles, TpmReader r) throws TpmException {
        boolean decrypt = YesNo.read(r.param(1));
        int mode = readCipherMode(r.param(2));
        byte[] iv = r.param(3).tpm2b(ObjectLimits.IV);
        byte[] data = r.param(4).tpm2b(Hash.MAX_BUFFER);
        return new In(handles[0], decrypt, mode, iv, data);
    }

    /** TPMI_ALG_CIPHER_MODE+: CTR, OFB, CBC, CFB, ECB or NULL (TPM_RC_MODE). */
    static int readCipherMode(TpmReader r) throws TpmException {
        int mode = r.u16();
        if (mode != TpmAlgId.NULL && SymMode.fromAlgId(mode) == null) {
            throw r.fail(TpmRc.MODE);
        }
        return mode;
    }

    @Override
    public BlockCipherRun execute(CommandContext ctx, In in) throws TpmException {
        return shared(ctx, in, POSITIONS);
    }

    /** EncryptDecryptShared with the command's parameter positions. */
    static BlockCipherRun shared(CommandContext ctx, In in, Positions at) throws TpmException {
        KeyObject key = ((ObjectEntity) ctx.entity(0)).key();
        if (key == null || key.type() != TpmAlgId.SYMCIPHER) {
            throw TpmException.handle(1, TpmRc.KEY);
        }
        // A public-only key cannot be authorized for USER; the check guards the key's use.
        boolean ok = !key.has(ObjectAttributes.RESTRICTED) && !key.publicOnly()
                && key.has(in.decrypt() ? ObjectAttributes.DECRYPT : ObjectAttributes.SIGN);
        if (!ok) {
            throw TpmException.handle(1, TpmRc.ATTRIBUTES);
        }
        int mode = ((PublicParms.SymCipher) key.publicArea().parameters()).sym().mode();
        if (mode != TpmAlgId.NULL) {
            if (in.mode() != TpmAlgId.NULL && in.mode() != mode) {
                throw TpmException.parameter(at.mode(), TpmRc.MODE);
            }
        } else {
            if (in.mode() == TpmAlgId.NULL) {
                throw TpmException.parameter(at.mode(), TpmRc.MODE);
            }
            mode = in.mode();
        }
        SymMode m = SymMode.fromAlgId(mode);
        if (m == null) {
            throw TpmException.handle(1, TpmRc.MODE);
        }
        int block = 16;
        if ((m == SymMode.ECB && in.ivIn().length != 0) || (m != SymMode.ECB && in.ivIn().length != block)) {
            throw TpmException.parameter(at.ivIn(), TpmRc.SIZE);
        }
        if ((m == SymMode.CBC || m == SymMode.ECB) && in.inData().length % block != 0) {
            throw TpmException.parameter(at.inData(), TpmRc.SIZE);
        }
        return BlockCipherRun.run(ctx.core().crypto.ciphers(), m, in.decrypt(), key.sensitive().sensitive(), in.ivIn(),
                in.inData());
    }

    @Override
    public void encode(BlockCipherRun out, TpmWriter w) {
        w.tpm2b(out.outData()).tpm2b(out.ivOut());
    }
}
