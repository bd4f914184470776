package dev.jvtpm.engine.testing;

import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.PublicId;
import dev.jvtpm.engine.types.object.PublicParms;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmReader;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reading what the attestation commands answer as a verifier does, independently of the engine:
 * the TPM2B_ATTEST and TPMT_SIGNATURE of a response, the common TPMS_ATTEST header (Part 2
 * §10.12.12), and signature checks with JCA against the signing key's public area.
 */
public final class Attestations {
    private Attestations() {}

    /** TPM_GENERATED_VALUE. */
    public static final int MAGIC = 0xFF544347;

    /** A response's parameters: the marshalled TPMS_ATTEST and the raw TPMT_SIGNATURE. */
    public record Response(byte[] attest, byte[] signature) {
        public static Response read(TpmReader p) throws TpmException {
            byte[] attest = p.tpm2b(4096);
            return new Response(attest, p.rest());
        }

        public Attest parsed() {
            return Attest.parse(attest);
        }

        public int sigAlg() {
            return ((signature[0] & 0xFF) << 8) | (signature[1] & 0xFF);
        }
    }

    /** The TPMS_ATTEST header and a reader positioned at the type-specific part. */
    public record Attest(int magic, int type, byte[] qualifiedSigner, byte[] extraData, long clock, int resetCount,
                         int restartCount, boolean safe, long firmwareVersion, TpmReader attested) {
        public static Attest parse(byte[] attest) {
            try {
                TpmReader r = new TpmReader(attest);
                return new Attest(r.u32(), r.u16(), r.tpm2b(68), r.tpm2b(66), r.u64(), r.u32(), r.u32(), r.u8() != 0,
                        r.u64(), r);
            } catch (TpmException e) {
                throw new AssertionError("malformed TPMS_ATTEST", e);
            }
        }

        /** The type-specific bytes (after firmwareVersion). */
        public byte[] attestedBytes() {
            return attested.copyRange(attested.position(), attested.position() + attested.remaining());
        }
    }

    /** The JCA public key of an RSA or ECC (NIST P-256/384) public area. */
    public static PublicKey publicKey(PublicArea p) throws GeneralSecurityException {
        if (p.type() == TpmAlgId.RSA) {
            PublicParms.Rsa parms = (PublicParms.Rsa) p.parameters();
            long e = parms.exponent() == 0 ? 65537 : parms.exponent() & 0xFFFFFFFFL;
            BigInteger n = new BigInteger(1, ((PublicId.Rsa) p.unique()).modulus());
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(e)));
        }
        PublicParms.Ecc parms = (PublicParms.Ecc) p.parameters();
        AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
        ap.init(new ECGenParameterSpec(parms.curve().secName()));
        PublicId.Ecc id = (PublicId.Ecc) p.unique();
        ECPoint w = new ECPoint(new BigInteger(1, id.point().x()), new BigInteger(1, id.point().y()));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, ap.getParameterSpec(ECParameterSpec.class)));
    }

    /**
     * Whether {@code signature} (a TPMT_SIGNATURE, RSASSA, RSAPSS or ECDSA) is a signature of
     * {@code attest} by the key of {@code p}: the TPM signs the scheme hash of the marshalled
     * TPMS_ATTEST, which is what JCA's "&lt;hash&gt;with&lt;alg&gt;" computes from the message.
     */
    public static boolean verifies(PublicArea p, byte[] attest, byte[] signature) throws Exception {
        TpmReader r = new TpmReader(signature);
        int alg = r.u16();
        String hash = dev.jvtpm.engine.types.HashAlg.fromId(r.u16()).jcaName().replace("-", "");
        Signature s;
        byte[] sig;
        if (alg == TpmAlgId.RSASSA) {
            s = Signature.getInstance(hash + "withRSA");
            sig = r.tpm2b(512);
        } else if (alg == TpmAlgId.RSAPSS) {
            // libtpms salts PSS with as many bytes as the hash has.
            dev.jvtpm.engine.types.HashAlg h = dev.jvtpm.engine.types.HashAlg.fromId(
                    ((signature[2] & 0xFF) << 8) | (signature[3] & 0xFF));
            s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new java.security.spec.PSSParameterSpec(h.jcaName(), "MGF1",
                    new java.security.spec.MGF1ParameterSpec(h.jcaName()), h.digestSize(), 1));
            sig = r.tpm2b(512);
        } else if (alg == TpmAlgId.ECDSA) {
            s = Signature.getInstance(hash + "withECDSAinP1363Format");
            int len = ((PublicParms.Ecc) p.parameters()).curve().keyBytes();
            byte[] rr = r.tpm2b(66);
            byte[] ss = r.tpm2b(66);
            sig = new byte[2 * len];
            System.arraycopy(rr, 0, sig, len - rr.length, rr.length);
            System.arraycopy(ss, 0, sig, 2 * len - ss.length, ss.length);
        } else {
            throw new AssertionError("not an asymmetric signature: 0x" + Integer.toHexString(alg));
        }
        s.initVerify(publicKey(p));
        s.update(attest);
        return s.verify(sig);
    }

    /** Whether an HMAC TPMT_SIGNATURE is HMAC(key, H(attest)) under its hash: the TPM MACs the digest it signs. */
    public static boolean verifiesHmac(byte[] key, byte[] attest, byte[] signature) throws Exception {
        TpmReader r = new TpmReader(signature);
        if (r.u16() != TpmAlgId.HMAC) {
            return false;
        }
        String hash = dev.jvtpm.engine.types.HashAlg.fromId(r.u16()).jcaName().replace("-", "");
        Mac mac = Mac.getInstance("Hmac" + hash);
        mac.init(new SecretKeySpec(key, "Hmac" + hash));
        byte[] digest = MessageDigest.getInstance(hash.replace("SHA", "SHA-")).digest(attest);
        return MessageDigest.isEqual(mac.doFinal(digest), r.rest());
    }

    /** The hash of the concatenated values, as a verifier recomputes a quote's pcrDigest. */
    public static byte[] digestOf(String jcaHash, byte[]... values) throws Exception {
        MessageDigest md = MessageDigest.getInstance(jcaHash);
        for (byte[] v : values) {
            md.update(v);
        }
        return md.digest();
    }
}
