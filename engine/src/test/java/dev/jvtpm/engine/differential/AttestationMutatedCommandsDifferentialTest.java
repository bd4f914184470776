package dev.jvtpm.engine.differential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.AttestationCommands;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmCc;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSt;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.EccPoint;
import dev.jvtpm.engine.types.object.KdfScheme;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.types.object.Scheme;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;
import dev.jvtpm.engine.types.object.Ticket;
import dev.jvtpm.engine.wire.TpmWriter;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations (a {@link MutationCampaign}) of valid
 * Quote, Certify, CertifyCreation, GetTime and NV_Certify commands, on TPMs holding the same
 * RSA and ECC signing keys and an NV index, sent to swtpm and jvtpm: error responses must be
 * identical, successes the same in tag, size and code (Clock and the obfuscated counters differ).
 */
class AttestationMutatedCommandsDifferentialTest {
    private static final long SEED = Long.getLong("seed", 0x4154_0001L);
    private static final int MUTATIONS = Integer.getInteger("mutations", 1500);
    private static final byte[] NONE = new byte[0];
    private static final byte[] PW = {'p', 'w'};
    private static final int NV = 0x01500040;
    private static final java.util.Set<Integer> LIBTPMS_ONLY_SCHEMES =
            java.util.Set.of(TpmAlgId.ECDAA, TpmAlgId.SM2, TpmAlgId.ECSCHNORR);
    private static final int SIGNER = ObjectAttributes.SIGN | ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA;

    private static List<byte[]> setup() throws Exception {
        List<byte[]> s = new ArrayList<>();
        KeyPairGenerator rg = KeyPairGenerator.getInstance("RSA");
        rg.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), ExternalKeysDifferentialTest.random());
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) rg.generateKeyPair().getPrivate();
        PublicArea rsa = new PublicArea(TpmAlgId.RSA, TpmAlgId.SHA256, SIGNER, NONE,
                new PublicParms.Rsa(SymDefObject.NULL, new Scheme.RsaSsa(HashAlg.SHA256), 2048, 0),
                new PublicId.Rsa(ExternalKeysDifferentialTest.unsigned(k.getModulus(), 256)));
        s.add(ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(new SensitiveArea(TpmAlgId.RSA, NONE, NONE,
                ExternalKeysDifferentialTest.unsigned(k.getPrimeP(), 128))), ObjectCommands.publicSized(rsa),
                TpmHandles.RH_NULL));
        KeyPairGenerator eg = KeyPairGenerator.getInstance("EC");
        eg.initialize(new ECGenParameterSpec("secp256r1"), ExternalKeysDifferentialTest.random());
        var kp = eg.generateKeyPair();
        ECPublicKey q = (ECPublicKey) kp.getPublic();
        PublicArea ecc = new PublicArea(TpmAlgId.ECC, TpmAlgId.SHA256, SIGNER, NONE,
                new PublicParms.Ecc(SymDefObject.NULL, Scheme.NULL, EccCurve.NIST_P256, KdfScheme.NULL),
                new PublicId.Ecc(new EccPoint(ExternalKeysDifferentialTest.unsigned(q.getW().getAffineX(), 32),
                        ExternalKeysDifferentialTest.unsigned(q.getW().getAffineY(), 32))));
        s.add(ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(new SensitiveArea(TpmAlgId.ECC, NONE, NONE,
                ExternalKeysDifferentialTest.unsigned(((ECPrivateKey) kp.getPrivate()).getS(), 32))),
                ObjectCommands.publicSized(ecc), TpmHandles.RH_NULL));
        s.add(Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, PW, NV, TpmAlgId.SHA256, NvAttributes.AUTHREAD
                | NvAttributes.AUTHWRITE | NvAttributes.OWNERREAD | NvAttributes.OWNERWRITE | NvAttributes.NO_DA, NONE, 48));
        s.add(Commands.nvWrite(NV, PW, NV, new byte[48], 0));
        return s;
    }

    private static List<byte[]> seeds() {
        int rsa = 0x80000000;
        int ecc = 0x80000001;
        byte[] nonce = {1, 2, 3, 4, 5, 6, 7, 8};
        byte[] sel = new TpmWriter().u32(2).u16(TpmAlgId.SHA256).u8(3).u8(0xFF).u8(0).u8(1)
                .u16(TpmAlgId.SHA1).u8(3).u8(1).u8(0).u8(0).toByteArray();
        byte[] nullScheme = ObjectCommands.scheme(TpmAlgId.NULL, 0);
        byte[] ecdsa = ObjectCommands.scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256);
        List<byte[]> s = new ArrayList<>();
        s.add(AttestationCommands.quote(rsa, nonce, nullScheme, sel));
        s.add(AttestationCommands.quote(ecc, NONE, ecdsa, sel));
        s.add(AttestationCommands.certify(ecc, rsa, nonce, nullScheme));
        s.add(AttestationCommands.certify(rsa, TpmHandles.RH_NULL, NONE, nullScheme));
        s.add(AttestationCommands.certifyCreation(ecc, rsa, nonce, new byte[32], ecdsa,
                new Ticket(TpmSt.CREATION, TpmHandles.RH_OWNER, new byte[32])));
        s.add(AttestationCommands.getTime(NONE, rsa, nonce, nullScheme));
        s.add(AttestationCommands.getTime(NONE, TpmHandles.RH_NULL, NONE, nullScheme));
        s.add(AttestationCommands.nvCertify(rsa, NV, PW, NV, nonce, nullScheme, 8, 4));
        s.add(AttestationCommands.nvCertify(ecc, TpmHandles.RH_OWNER, NONE, NV, NONE, ecdsa, 0, 0));
        s.add(Commands.pcrExtend(16, TpmAlgId.SHA256, new byte[32]));
        return s;
    }

    @Test
    void mutatedAttestationCommandsGetSwtpmsAnswers() throws Exception {
        List<byte[]> seeds = seeds();
        MutationCampaign campaign;
        try (Differential d = Differential.start()) {
            d.same("Startup", Commands.startup(0));
            for (byte[] cmd : setup()) {
                assertThat(d.same("setup", cmd).referenceRc()).isZero();
            }
            for (byte[] cmd : seeds) {
                d.sameCode("seed " + HexFormat.of().formatHex(cmd, 6, 10), cmd);
            }
            // Commands libtpms has and jvtpm lacks, GetCapability (lists that legitimately
            // differ), ContextSave (each implementation's own blobs) and IncrementalSelfTest
            // (toDoLists of different algorithm sets) are not comparable here, nor are
            // signing schemes libtpms has and jvtpm lacks (ECDAA, SM2, EC-Schnorr) wherever a
            // mutation puts one (counted).
            campaign = MutationCampaign.run(d, seeds, new Random(SEED), MUTATIONS, m -> {
                int cc = MutationCampaign.u32(m, 6);
                return MutationCampaign.onlyLibtpmsImplements(cc) || MutationCampaign.mentions(m, LIBTPMS_ONLY_SCHEMES)
                        || cc == TpmCc.GET_CAPABILITY || cc == TpmCc.CONTEXT_SAVE || cc == TpmCc.INCREMENTAL_SELF_TEST
                        || cc == TpmCc.TEST_PARMS;
            }, MutationCampaign.SAME_HEADER);
        }
        campaign.assertSwtpmsAnswers();
    }
}
