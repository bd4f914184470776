package dev.jvtpm.engine.command.asymmetric;

import dev.jvtpm.engine.command.Command;
import dev.jvtpm.engine.command.CommandContext;
import dev.jvtpm.engine.command.CommandDescriptor;
import dev.jvtpm.engine.crypto.EccCurve;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.object.AlgSelectors;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.math.BigInteger;

/**
 * TPM2_ECC_Parameters (Part 3 §14.6): TPMS_ALGORITHM_DETAIL_ECC of an implemented curve.
 * TPM_RC_CURVE (parameter 1) for a curve this TPM does not implement. As libtpms reports them:
 * keySize in bits, KDF KDF1_SP800_56A with the curve's hash, no signing scheme, p minimal, a, b
 * and G padded to p's size, n and h minimal.
 */
public final class EccParameters extends Command<dev.jvtpm.engine.types.object.EccCurve, EccCurve> {
    public EccParameters() {
        super(CommandDescriptor.builder(TpmCc.ECC_PARAMETERS).build());
    }

    @Override
    public dev.jvtpm.engine.types.object.EccCurve decode(int[] handles, TpmReader r) throws TpmException {
        return AlgSelectors.eccCurve(r.param(1));
    }

    @Override
    public EccCurve execute(CommandContext ctx, dev.jvtpm.engine.types.object.EccCurve curve) {
        return EccCurve.fromTpmId(curve.id());
    }

    @Override
    public void encode(EccCurve c, TpmWriter w) {
        HashAlg kdfHash = c == EccCurve.NIST_P256 ? HashAlg.SHA256 : c == EccCurve.NIST_P384 ? HashAlg.SHA384 : HashAlg.SHA512;
        int pBytes = minimal(c.p()).length;
        w.u16(c.tpmId()).u16(c.p().bitLength());
        w.u16(TpmAlgId.KDF1_SP800_56A).u16(kdfHash.id());
        w.u16(TpmAlgId.NULL);
        w.tpm2b(minimal(c.p()));
        w.tpm2b(padded(c.a(), pBytes)).tpm2b(padded(c.b(), pBytes));
        w.tpm2b(padded(c.gx(), pBytes)).tpm2b(padded(c.gy(), pBytes));
        w.tpm2b(minimal(c.n())).tpm2b(minimal(c.h()));
    }

    private static byte[] minimal(BigInteger v) {
        byte[] b = v.toByteArray();
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    private static byte[] padded(BigInteger v, int size) {
        return dev.jvtpm.engine.crypto.Octets.i2osp(v, size);
    }
}
