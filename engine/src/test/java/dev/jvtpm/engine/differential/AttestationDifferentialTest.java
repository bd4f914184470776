package dev.jvtpm.engine.differential;

import static dev.jvtpm.engine.testing.AttestationCommands.certify;
import static dev.jvtpm.engine.testing.AttestationCommands.certifyCreation;
import static dev.jvtpm.engine.testing.AttestationCommands.getTime;
import static dev.jvtpm.engine.testing.AttestationCommands.nvCertify;
import static dev.jvtpm.engine.testing.AttestationCommands.pcrSelection;
import static dev.jvtpm.engine.testing.AttestationCommands.quote;
import static dev.jvtpm.engine.testing.ObjectCommands.scheme;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Attestations;
import dev.jvtpm.engine.testing.Attestations.Attest;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.SessionClient;
import dev.jvtpm.engine.testing.Templates;
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
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Quote, Certify, CertifyCreation, GetTime and NV_Certify against swtpm 0.7.1. With the same
 * software keys loaded into TPM_RH_NULL on both sides, everything deterministic in an attestation
 * must be swtpm's byte for byte: magic, type, qualifiedSigner, extraData and the attested part
 * (pcrSelect and pcrDigest, certified Names, NV contents and digests, the creation hash); Clock
 * and, for signers outside the endorsement and platform hierarchies, the counters obfuscated with
 * each TPM's own shProof differ, so each TPM's signature is verified with JCA instead. Keys the
 * TPMs create themselves differ by seed: their attestations are compared in everything else, and
 * an endorsement key's unobfuscated counters and firmware version must match too. Every error
 * response is compared byte for byte.
 */
class AttestationDifferentialTest extends DifferentialFixture {
    static final byte[] NONE = new byte[0];
    static final HexFormat HEX = HexFormat.of();
    static final byte[] NONCE = "nonce from a verifier".getBytes(StandardCharsets.US_ASCII);
    static final byte[] NULL_SCHEME = ObjectCommands.scheme(TpmAlgId.NULL, 0);
    static final int SIGNER = ObjectAttributes.SIGN | ObjectAttributes.USER_WITH_AUTH | ObjectAttributes.NO_DA;

    /** Both answers with the same response code, past a TPM_RC_RETRY (DA_USED) both give. */
    private Differential.Pair both(String what, byte[] cmd) {
        Differential.Pair p = d.both(cmd);
        if (p.referenceRc() == 0x922 && p.subjectRc() == 0x922) {
            p = d.both(cmd);
        }
        assertThat(String.format("0x%03X", p.subjectRc())).as(what + p.describe()).isEqualTo(String.format("0x%03X", p.referenceRc()));
        return p;
    }

    /** An error both answer with the same bytes. */
    private void sameError(String what, byte[] cmd) {
        Differential.Pair p = both(what, cmd);
        assertThat(p.subjectRc()).as(what + ": an error").isNotZero();
        assertThat(HEX.formatHex(p.subject())).as(what).isEqualTo(HEX.formatHex(p.reference()));
    }

    /** Both attestations of a successful command: [swtpm, jvtpm]. */
    private static Attestations.Response[] responses(Differential.Pair p) throws Exception {
        return new Attestations.Response[] {Attestations.Response.read(DifferentialTestSupport.params(p.reference(), false)),
                Attestations.Response.read(DifferentialTestSupport.params(p.subject(), false))};
    }

    /**
     * A successful attestation from both, equal in magic, type, extraData, the signature
     * algorithm, and (when {@code signerToo}) qualifiedSigner, and (when {@code attestedToo}) the
     * attested part.
     */
    private Attestations.Response[] attestation(String what, byte[] cmd, boolean signerToo, boolean attestedToo)
            throws Exception {
        Differential.Pair p = both(what, cmd);
        assertThat(p.subjectRc()).as(what).isZero();
        return compared(what, responses(p), signerToo, attestedToo);
    }

    private static Attestations.Response[] compared(String what, Attestations.Response[] r, boolean signerToo,
                                                    boolean attestedToo) {
        Attest ref = r[0].parsed();
        Attest sub = r[1].parsed();
        assertThat(sub.magic()).as(what + ": magic").isEqualTo(ref.magic()).isEqualTo(Attestations.MAGIC);
        assertThat(sub.type()).as(what + ": type").isEqualTo(ref.type());
        assertThat(HEX.formatHex(sub.extraData())).as(what + ": extraData").isEqualTo(HEX.formatHex(ref.extraData()));
        assertThat(r[1].sigAlg()).as(what + ": sigAlg").isEqualTo(r[0].sigAlg());
        if (signerToo) {
            assertThat(HEX.formatHex(sub.qualifiedSigner())).as(what + ": qualifiedSigner")
                    .isEqualTo(HEX.formatHex(ref.qualifiedSigner()));
        } else {
            assertThat(sub.qualifiedSigner().length).as(what + ": qualifiedSigner size").isEqualTo(ref.qualifiedSigner().length);
        }
        if (attestedToo) {
            assertThat(HEX.formatHex(sub.attestedBytes())).as(what + ": attested")
                    .isEqualTo(HEX.formatHex(ref.attestedBytes()));
        }
        return r;
    }

    private static void bothVerify(String what, PublicArea key, Attestations.Response[] r) throws Exception {
        assertThat(Attestations.verifies(key, r[0].attest(), r[0].signature())).as(what + ": swtpm's signature").isTrue();
        assertThat(Attestations.verifies(key, r[1].attest(), r[1].signature())).as(what + ": jvtpm's signature").isTrue();
    }

    private int load(String what, PublicArea p, SensitiveArea s) {
        Differential.Pair r = d.same(what + ": LoadExternal", ObjectCommands.loadExternal(ObjectCommands.sensitiveSized(s),
                ObjectCommands.publicSized(p), TpmHandles.RH_NULL));
        assertThat(r.subjectRc()).as(what).isZero();
        return DifferentialTestSupport.handle(r.subject());
    }

    record Key(int handle, PublicArea publicArea) {}

    /** The same RSA-2048 key in both TPMs, signing RSASSA-SHA256 by default. */
    private Key rsaKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4), ExternalKeysDifferentialTest.random());
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) g.generateKeyPair().getPrivate();
        PublicArea pub = new PublicArea(TpmAlgId.RSA, TpmAlgId.SHA256, SIGNER, NONE,
                new PublicParms.Rsa(SymDefObject.NULL, new Scheme.RsaSsa(HashAlg.SHA256), 2048, 0),
                new PublicId.Rsa(ExternalKeysDifferentialTest.unsigned(k.getModulus(), 256)));
        SensitiveArea sens = new SensitiveArea(TpmAlgId.RSA, NONE, NONE, ExternalKeysDifferentialTest.unsigned(k.getPrimeP(), 128));
        return new Key(load("RSA signer", pub, sens), pub);
    }

    /** The same NIST P-256 key in both TPMs, without a scheme of its own. */
    private Key eccKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"), ExternalKeysDifferentialTest.random());
        var kp = g.generateKeyPair();
        ECPublicKey q = (ECPublicKey) kp.getPublic();
        EccPoint point = new EccPoint(ExternalKeysDifferentialTest.unsigned(q.getW().getAffineX(), 32),
                ExternalKeysDifferentialTest.unsigned(q.getW().getAffineY(), 32));
        PublicArea pub = new PublicArea(TpmAlgId.ECC, TpmAlgId.SHA256, SIGNER, NONE,
                new PublicParms.Ecc(SymDefObject.NULL, Scheme.NULL, EccCurve.NIST_P256, KdfScheme.NULL), new PublicId.Ecc(point));
        SensitiveArea sens = new SensitiveArea(TpmAlgId.ECC, NONE, NONE,
                ExternalKeysDifferentialTest.unsigned(((ECPrivateKey) kp.getPrivate()).getS(), 32));
        return new Key(load("ECC signer", pub, sens), pub);
    }

    @Test
    void quotesWithSharedKeys() throws Exception {
        Key rsa = rsaKey();
        Key ecc = eccKey();
        byte[] m = new byte[32];
        Arrays.fill(m, (byte) 0x42);
        d.same("PCR_Extend 16", Commands.pcrExtend(16, TpmAlgId.SHA256, m));
        d.same("PCR_Extend 23", Commands.pcrExtend(23, TpmAlgId.SHA256, m));
        byte[] sel = pcrSelection(TpmAlgId.SHA256, 0x8100FF, TpmAlgId.SHA1, 0x010000, TpmAlgId.SHA384, 0x000001);

        Attestations.Response[] q = attestation("Quote by the RSA key", quote(rsa.handle(), NONCE, NULL_SCHEME, sel), true, true);
        bothVerify("Quote by the RSA key", rsa.publicArea(), q);
        q = attestation("Quote by the ECC key, ECDSA-SHA384", quote(ecc.handle(), NONE,
                scheme(TpmAlgId.ECDSA, TpmAlgId.SHA384), sel), true, true);
        bothVerify("Quote by the ECC key", ecc.publicArea(), q);
        q = attestation("Quote of no PCRs, RSASSA-SHA256 given",
                quote(rsa.handle(), new byte[66], scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), pcrSelection()), true, true);
        bothVerify("Quote of no PCRs", rsa.publicArea(), q);
        attestation("Quote of a selection of nothing", quote(ecc.handle(), NONCE, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA1),
                pcrSelection(TpmAlgId.SHA256, 0, TpmAlgId.SHA512, 0x800000)), true, true);

        sameError("Quote by TPM_RH_NULL", quote(TpmHandles.RH_NULL, NONCE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), sel));
        sameError("Quote with another hash than the key's", quote(rsa.handle(), NONCE,
                scheme(TpmAlgId.RSASSA, TpmAlgId.SHA1), sel));
        sameError("Quote with another scheme than the key's", quote(rsa.handle(), NONCE,
                scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA256), sel));
        sameError("Quote without any scheme", quote(ecc.handle(), NONCE, NULL_SCHEME, sel));
        sameError("Quote, RSASSA with an ECC key", quote(ecc.handle(), NONCE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), sel));
        sameError("Quote, HMAC with an ECC key", quote(ecc.handle(), NONCE, scheme(TpmAlgId.HMAC, TpmAlgId.SHA256), sel));
        sameError("Quote with 67 bytes of qualifyingData", quote(rsa.handle(), new byte[67], NULL_SCHEME, sel));
        sameError("Quote, a scheme that is no signing scheme", quote(rsa.handle(), NONCE,
                scheme(TpmAlgId.OAEP, TpmAlgId.SHA256), sel));
        sameError("Quote, sizeofSelect 4", quote(rsa.handle(), NONCE, NULL_SCHEME,
                new TpmWriter().u32(1).u16(TpmAlgId.SHA256).u8(4).u32(0xFF).toByteArray()));
        sameError("Quote, a bank of no hash", quote(rsa.handle(), NONCE, NULL_SCHEME, pcrSelection(0x0006, 1)));
        sameError("Quote, 17 selections", quote(rsa.handle(), NONCE, NULL_SCHEME,
                new TpmWriter().u32(17).toByteArray()));
        sameError("Quote by an empty slot", quote(0x80000002, NONCE, NULL_SCHEME, sel));
        sameError("Quote by a hierarchy", quote(TpmHandles.RH_OWNER, NONCE, NULL_SCHEME, sel));
        int sequence = DifferentialTestSupport.handle(d.same("HashSequenceStart",
                Commands.hashSequenceStart(NONE, TpmAlgId.SHA256)).subject());
        sameError("Quote by a sequence", quote(sequence, NONCE, NULL_SCHEME, sel));
    }

    @Test
    void certifyGetTimeAndNvCertifyWithSharedKeys() throws Exception {
        Key rsa = rsaKey();
        Key ecc = eccKey();
        Attestations.Response[] c = attestation("Certify ECC by RSA", certify(ecc.handle(), rsa.handle(), NONCE, NULL_SCHEME),
                true, true);
        bothVerify("Certify ECC by RSA", rsa.publicArea(), c);
        c = attestation("Certify RSA by ECC", certify(rsa.handle(), ecc.handle(), NONCE,
                scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256)), true, true);
        bothVerify("Certify RSA by ECC", ecc.publicArea(), c);
        c = attestation("Certify RSA by itself, RSASSA-SHA256 given", certify(rsa.handle(), rsa.handle(), NONE,
                scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256)), true, true);
        bothVerify("Certify RSA by itself", rsa.publicArea(), c);
        c = attestation("Certify by TPM_RH_NULL", certify(ecc.handle(), TpmHandles.RH_NULL, NONCE,
                scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256)), true, true);
        assertThat(c[1].signature()).isEqualTo(c[0].signature());
        sameError("Certify without a scheme", certify(rsa.handle(), ecc.handle(), NONCE, NULL_SCHEME));
        sameError("Certify of TPM_RH_NULL", certify(TpmHandles.RH_NULL, rsa.handle(), NONCE, NULL_SCHEME));
        sameError("Certify of an empty slot", certify(0x80000002, rsa.handle(), NONCE, NULL_SCHEME));
        sameError("Certify with a wrong password for the object", Commands.withPasswords(TpmCc.CERTIFY,
                new int[] {ecc.handle(), rsa.handle()}, new byte[][] {"x".getBytes(), NONE}, w -> w.tpm2b(NONE).bytes(NULL_SCHEME)));
        sameError("Certify with one session", Commands.withPasswords(TpmCc.CERTIFY,
                new int[] {ecc.handle(), rsa.handle()}, new byte[][] {NONE}, w -> w.tpm2b(NONE).bytes(NULL_SCHEME)));

        Differential.Pair t = both("GetTime by RSA", getTime(NONE, rsa.handle(), NONCE, NULL_SCHEME));
        Attestations.Response[] time = compared("GetTime by RSA", responses(t), true, false);
        bothVerify("GetTime by RSA", rsa.publicArea(), time);
        byte[] refTime = time[0].parsed().attestedBytes();
        byte[] subTime = time[1].parsed().attestedBytes();
        assertThat(subTime.length).isEqualTo(refTime.length).isEqualTo(8 + 17 + 8);
        assertThat(HEX.formatHex(Arrays.copyOfRange(subTime, 16, 33))).as("counters, safe, firmwareVersion in the clear")
                .isEqualTo(HEX.formatHex(Arrays.copyOfRange(refTime, 16, 33)));
        compared("GetTime by TPM_RH_NULL", responses(both("GetTime by TPM_RH_NULL",
                getTime(NONE, TpmHandles.RH_NULL, NONE, NULL_SCHEME))), true, false);
        sameError("GetTime with a wrong endorsement password", getTime("x".getBytes(), rsa.handle(), NONE, NULL_SCHEME));
        sameError("GetTime with ECDSA by RSA", getTime(NONE, rsa.handle(), NONE, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256)));
        sameError("GetTime by the owner", Commands.withPasswords(TpmCc.GET_TIME, new int[] {TpmHandles.RH_OWNER, rsa.handle()},
                new byte[][] {NONE, NONE}, w -> w.tpm2b(NONE).bytes(NULL_SCHEME)));

        int nv = 0x01500030;
        int attrs = NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.OWNERREAD | NvAttributes.OWNERWRITE
                | NvAttributes.READ_STCLEAR | NvAttributes.NO_DA;
        byte[] pw = "nv".getBytes();
        d.same("NV_DefineSpace", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, pw, nv, TpmAlgId.SHA256, attrs, NONE, 32));
        sameError("NV_Certify of an unwritten index", nvCertify(rsa.handle(), nv, pw, nv, NONE, NULL_SCHEME, 4, 0));
        sameError("NV_Certify of an unwritten index with RSASSA by ECC: which check first",
                nvCertify(ecc.handle(), nv, pw, nv, NONE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), 4, 0));
        byte[] data = "The quick brown fox jumps over t".getBytes(StandardCharsets.US_ASCII);
        d.same("NV_Write", Commands.nvWrite(nv, pw, nv, data, 0));
        Attestations.Response[] n = attestation("NV_Certify 5 bytes at 3", nvCertify(rsa.handle(), nv, pw, nv, NONCE,
                NULL_SCHEME, 5, 3), true, true);
        bothVerify("NV_Certify", rsa.publicArea(), n);
        assertThat(n[1].parsed().type()).isEqualTo(TpmSt.ATTEST_NV);
        n = attestation("NV_Certify the last byte with owner authorization", nvCertify(ecc.handle(), TpmHandles.RH_OWNER,
                NONE, nv, NONE, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA512), 1, 31), true, true);
        bothVerify("NV_Certify by ECC", ecc.publicArea(), n);
        n = attestation("NV_Certify digest form", nvCertify(ecc.handle(), nv, pw, nv, NONCE,
                scheme(TpmAlgId.ECDSA, TpmAlgId.SHA384), 0, 0), true, true);
        assertThat(n[1].parsed().type()).isEqualTo(TpmSt.ATTEST_NV_DIGEST);
        attestation("NV_Certify digest form by TPM_RH_NULL", nvCertify(TpmHandles.RH_NULL, nv, pw, nv, NONE,
                NULL_SCHEME, 0, 0), true, true);
        attestation("NV_Certify by TPM_RH_NULL, offset only", nvCertify(TpmHandles.RH_NULL, nv, pw, nv, NONE,
                NULL_SCHEME, 0, 7), true, true);
        sameError("NV_Certify past the end", nvCertify(rsa.handle(), nv, pw, nv, NONE, NULL_SCHEME, 8, 25));
        sameError("NV_Certify offset past the end", nvCertify(rsa.handle(), nv, pw, nv, NONE, NULL_SCHEME, 0, 33));
        sameError("NV_Certify with a wrong scheme", nvCertify(rsa.handle(), nv, pw, nv, NONE,
                scheme(TpmAlgId.RSAPSS, TpmAlgId.SHA256), 1, 0));
        sameError("NV_Certify with a wrong index password", nvCertify(rsa.handle(), nv, "x".getBytes(), nv, NONE,
                NULL_SCHEME, 1, 0));
        sameError("NV_Certify authorized by the platform", nvCertify(rsa.handle(), TpmHandles.RH_PLATFORM, NONE, nv, NONE,
                NULL_SCHEME, 1, 0));
        sameError("NV_Certify of no index", nvCertify(rsa.handle(), nv + 1, NONE, nv + 1, NONE, NULL_SCHEME, 1, 0));
        int big = 0x01500031;
        d.same("NV_DefineSpace of 2048 bytes", Commands.nvDefineSpace(TpmHandles.RH_OWNER, NONE, NONE, big, TpmAlgId.SHA256,
                NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE | NvAttributes.NO_DA, NONE, 2048));
        d.same("NV_Write 1", Commands.nvWrite(big, NONE, big, new byte[1024], 0));
        d.same("NV_Write 2", Commands.nvWrite(big, NONE, big, new byte[1024], 1024));
        sameError("NV_Certify of more than NV_BUFFER_MAX", nvCertify(TpmHandles.RH_NULL, big, NONE, big, NONE,
                NULL_SCHEME, 1025, 0));
        attestation("NV_Certify of NV_BUFFER_MAX", nvCertify(TpmHandles.RH_NULL, big, NONE, big, NONE, NULL_SCHEME, 1024, 1024),
                true, true);
        attestation("NV_Certify of 2048 bytes' digest", nvCertify(rsa.handle(), big, NONE, big, NONE, NULL_SCHEME, 0, 0),
                true, true);
        d.same("NV_ReadLock", Commands.nvReadLock(nv, pw, nv));
        sameError("NV_Certify of a read-locked index", nvCertify(rsa.handle(), nv, pw, nv, NONE, NULL_SCHEME, 1, 0));
    }

    @Test
    void hmacSigners() throws Exception {
        byte[] hmacKey = new byte[32];
        ExternalKeysDifferentialTest.random().nextBytes(hmacKey);
        byte[] seed = new byte[32];
        // An unrestricted signing keyed hash needs a scheme of its own (LoadExternal refuses NULL).
        PublicArea pub = Templates.keyedHash(SIGNER, HashAlg.SHA256, new Scheme.Hmac(HashAlg.SHA256)).withUnique(
                new PublicId.Digest(java.security.MessageDigest.getInstance("SHA-256").digest(
                        SessionClient.concat(seed, hmacKey))));
        int hk = load("HMAC key", pub, new SensitiveArea(TpmAlgId.KEYEDHASH, NONE, seed, hmacKey));
        byte[] sel = pcrSelection(TpmAlgId.SHA256, 0x0000FF);
        for (byte[] scheme : new byte[][] {NULL_SCHEME, scheme(TpmAlgId.HMAC, TpmAlgId.SHA256)}) {
            Attestations.Response[] q = attestation("Quote by HMAC", quote(hk, NONCE, scheme, sel), true, true);
            assertThat(Attestations.verifiesHmac(hmacKey, q[0].attest(), q[0].signature())).as("swtpm's HMAC").isTrue();
            assertThat(Attestations.verifiesHmac(hmacKey, q[1].attest(), q[1].signature())).as("jvtpm's HMAC").isTrue();
        }
        attestation("Certify itself by HMAC", certify(hk, hk, NONE, NULL_SCHEME), true, true);
        attestation("GetTime by HMAC", getTime(NONE, hk, NONCE, NULL_SCHEME), true, false);
        sameError("Quote by HMAC-SHA256 key with HMAC-SHA1", quote(hk, NONCE, scheme(TpmAlgId.HMAC, TpmAlgId.SHA1), sel));
        sameError("Quote by HMAC with RSASSA", quote(hk, NONCE, scheme(TpmAlgId.RSASSA, TpmAlgId.SHA256), sel));
        sameError("GetTime by HMAC with ECDSA", getTime(NONE, hk, NONE, scheme(TpmAlgId.ECDSA, TpmAlgId.SHA256)));
    }

    @Test
    void attestationsByKeysTheTpmsCreate() throws Exception {
        PublicArea akTemplate = Templates.ecc(Templates.SIGNING | ObjectAttributes.RESTRICTED | ObjectAttributes.NO_DA,
                EccCurve.NIST_P256, SymDefObject.NULL, new Scheme.Ecdsa(HashAlg.SHA256));
        Differential.Pair cp = both("CreatePrimary of an endorsement AK", ObjectCommands.createPrimary(TpmHandles.RH_ENDORSEMENT,
                akTemplate));
        int ak = DifferentialTestSupport.handle(cp.subject());
        assertThat(DifferentialTestSupport.handle(cp.reference())).isEqualTo(ak);
        PublicArea[] pub = new PublicArea[2];
        byte[][] creationHash = new byte[2][];
        Ticket[] ticket = new Ticket[2];
        int i = 0;
        for (byte[] rsp : new byte[][] {cp.reference(), cp.subject()}) {
            TpmReader p = DifferentialTestSupport.params(rsp, true);
            pub[i] = PublicArea.readSized(p, false);
            p.tpm2b(2000);
            creationHash[i] = p.tpm2b(64);
            ticket[i] = Ticket.readCreation(p);
            i++;
        }
        assertThat(creationHash[1]).as("creation data is deterministic").isEqualTo(creationHash[0]);

        byte[] sel = pcrSelection(TpmAlgId.SHA256, 0x0000FF);
        Attestations.Response[] q = compared("Quote by the endorsement AK", responses(both("Quote by the endorsement AK",
                quote(ak, NONCE, NULL_SCHEME, sel))), false, true);
        Attest ref = q[0].parsed();
        Attest sub = q[1].parsed();
        assertThat(sub.resetCount()).as("endorsement: resetCount in the clear").isEqualTo(ref.resetCount());
        assertThat(sub.restartCount()).as("restartCount").isEqualTo(ref.restartCount());
        assertThat(sub.firmwareVersion()).as("firmwareVersion").isEqualTo(ref.firmwareVersion());
        assertThat(Attestations.verifies(pub[0], q[0].attest(), q[0].signature())).isTrue();
        assertThat(Attestations.verifies(pub[1], q[1].attest(), q[1].signature())).isTrue();

        // CertifyCreation: each TPM with its own ticket.
        Differential.Pair cc = new Differential.Pair(
                d.reference().send(certifyCreation(ak, ak, NONCE, creationHash[0], NULL_SCHEME, ticket[0])),
                d.subject().send(certifyCreation(ak, ak, NONCE, creationHash[1], NULL_SCHEME, ticket[1])));
        assertThat(cc.subjectRc()).as("CertifyCreation" + cc.describe()).isZero().isEqualTo(cc.referenceRc());
        Attestations.Response[] c = compared("CertifyCreation", responses(cc), false, false);
        for (int k = 0; k < 2; k++) {
            TpmReader a = c[k].parsed().attested();
            a.tpm2b(68);
            assertThat(a.tpm2b(64)).as("creationHash").isEqualTo(creationHash[0]);
            assertThat(Attestations.verifies(pub[k], c[k].attest(), c[k].signature())).isTrue();
        }
        Ticket swapped = new Ticket(ticket[1].tag(), ticket[1].hierarchy(), ticket[0].digest());
        Differential.Pair bad = new Differential.Pair(
                d.reference().send(certifyCreation(ak, ak, NONCE, creationHash[0], NULL_SCHEME, ticket[1])),
                d.subject().send(certifyCreation(ak, ak, NONCE, creationHash[1], NULL_SCHEME, swapped)));
        assertThat(HEX.formatHex(bad.subject())).as("the other TPM's ticket").isEqualTo(HEX.formatHex(bad.reference()));
        assertThat(bad.subjectRc()).isNotZero();
        sameError("CertifyCreation with a NULL ticket", certifyCreation(ak, ak, NONE, creationHash[0], NULL_SCHEME,
                Ticket.nullTicket(TpmSt.CREATION)));
        sameError("CertifyCreation with a ticket of the wrong tag", certifyCreation(ak, ak, NONE, creationHash[0], NULL_SCHEME,
                new Ticket(TpmSt.VERIFIED, TpmHandles.RH_ENDORSEMENT, ticket[0].digest())));
        sameError("CertifyCreation with a scheme the AK does not have", certifyCreation(ak, ak, NONE, creationHash[0],
                scheme(TpmAlgId.ECDSA, TpmAlgId.SHA384), ticket[0]));
        sameError("CertifyCreation of TPM_RH_NULL", certifyCreation(ak, TpmHandles.RH_NULL, NONE, creationHash[0],
                NULL_SCHEME, ticket[0]));
        Differential.Pair unsigned = new Differential.Pair(
                d.reference().send(certifyCreation(TpmHandles.RH_NULL, ak, NONE, creationHash[0], NULL_SCHEME, ticket[0])),
                d.subject().send(certifyCreation(TpmHandles.RH_NULL, ak, NONE, creationHash[1], NULL_SCHEME, ticket[1])));
        assertThat(unsigned.subjectRc()).isZero().isEqualTo(unsigned.referenceRc());
        compared("CertifyCreation by TPM_RH_NULL", responses(unsigned), true, false);

        Differential.Pair ek = both("CreatePrimary of an EK (adminWithPolicy)", ObjectCommands.createPrimary(
                TpmHandles.RH_ENDORSEMENT, Templates.withPolicy(Templates.rsa(Templates.EK, 2048, Templates.AES128_CFB,
                        Scheme.NULL), new byte[32])));
        sameError("Certify of the EK with a password: ADMIN needs its policy",
                certify(DifferentialTestSupport.handle(ek.subject()), ak, NONE, NULL_SCHEME));
        sameError("Certify by the EK, which cannot sign", certify(ak, DifferentialTestSupport.handle(ek.subject()), NONE,
                NULL_SCHEME));
        Differential.Pair self = both("Certify the AK by itself", certify(ak, ak, NONE, NULL_SCHEME));
        compared("Certify the AK by itself", responses(self), false, false);
        Differential.Pair t = both("GetTime by the AK", getTime(NONE, ak, NONE, NULL_SCHEME));
        Attestations.Response[] time = compared("GetTime by the AK", responses(t), false, false);
        assertThat(time[1].parsed().firmwareVersion()).isEqualTo(time[0].parsed().firmwareVersion());
    }
}
