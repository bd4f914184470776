package dev.jvtpm.engine.testing;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

/**
 * Client side of salted sessions (Part 1 §11.4.10, §19.6.13), with JCA only: a TPMT_PUBLIC from
 * CreatePrimary read far enough to get the RSA modulus or ECC point and to compute the Name, and
 * a salt wrapped to it as a TSS does - RSA-OAEP with the key's nameAlg and label "SECRET\0", or an
 * ephemeral ECDH point with salt = KDFe(nameAlg, Z, "SECRET", ephemeral.x, tpmKey.x, bits).
 */
public final class SaltClient {
    private SaltClient() {}

    /** The parts of a TPMT_PUBLIC a salt needs, and the key's Name. */
    public record TpmKey(int type, int nameAlg, byte[] rsaModulus, int exponent, int curve, byte[] x, byte[] y,
                         byte[] name) {}

    public record Salt(byte[] salt, byte[] encryptedSalt) {}

    /** Reads the TPM2B_PUBLIC at the reader's position (RSA or ECC; symmetric and scheme skipped). */
    public static TpmKey readPublic(ByteBuffer b) {
        int size = b.getShort() & 0xFFFF;
        byte[] raw = new byte[size];
        b.get(raw);
        ByteBuffer p = ByteBuffer.wrap(raw);
        int type = p.getShort() & 0xFFFF;
        int nameAlg = p.getShort() & 0xFFFF;
        p.getInt();
        SessionClient.get2b(p);
        int sym = p.getShort() & 0xFFFF;
        if (sym != 0x0010) {
            p.getShort();
            p.getShort();
        }
        int scheme = p.getShort() & 0xFFFF;
        if (scheme != 0x0010) {
            p.getShort();
        }
        byte[] name = SessionClient.concat(ByteBuffer.allocate(2).putShort((short) nameAlg).array(),
                SessionClient.hash(nameAlg, raw));
        if (type == 0x0001) {
            p.getShort();
            int exponent = p.getInt();
            return new TpmKey(type, nameAlg, SessionClient.get2b(p), exponent == 0 ? 65537 : exponent, 0, null, null,
                    name);
        }
        int curve = p.getShort() & 0xFFFF;
        int kdf = p.getShort() & 0xFFFF;
        if (kdf != 0x0010) {
            p.getShort();
        }
        byte[] x = SessionClient.get2b(p);
        byte[] y = SessionClient.get2b(p);
        return new TpmKey(type, nameAlg, null, 0, curve, x, y, name);
    }

    /** A fresh salt of the nameAlg's digest size, wrapped to {@code key}. */
    public static Salt wrap(TpmKey key) {
        try {
            int bits = SessionClient.digestSize(key.nameAlg()) * 8;
            if (key.type() == 0x0001) {
                byte[] salt = SessionClient.random(bits / 8);
                PublicKey pub = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        new BigInteger(1, key.rsaModulus()), BigInteger.valueOf(key.exponent())));
                String hash = SessionClient.jcaHash(key.nameAlg());
                Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
                oaep.init(Cipher.ENCRYPT_MODE, pub, new OAEPParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash),
                        new PSource.PSpecified("SECRET\0".getBytes(StandardCharsets.US_ASCII))));
                return new Salt(salt, oaep.doFinal(salt));
            }
            String curveName = key.curve() == 0x0003 ? "secp256r1" : key.curve() == 0x0004 ? "secp384r1" : "secp521r1";
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(curveName));
            ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
            PublicKey tpmPub = KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(new BigInteger(1, key.x()), new BigInteger(1, key.y())), spec));
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(spec);
            KeyPair eph = g.generateKeyPair();
            KeyAgreement ka = KeyAgreement.getInstance("ECDH");
            ka.init(eph.getPrivate());
            ka.doPhase(tpmPub, true);
            byte[] z = ka.generateSecret();
            int len = (spec.getCurve().getField().getFieldSize() + 7) / 8;
            ECPoint q = ((ECPublicKey) eph.getPublic()).getW();
            byte[] qx = fixed(q.getAffineX(), len);
            byte[] qy = fixed(q.getAffineY(), len);
            byte[] salt = kdfe(key.nameAlg(), z, "SECRET", qx, key.x(), bits);
            byte[] point = ByteBuffer.allocate(4 + 2 * len).putShort((short) len).put(qx).putShort((short) len).put(qy)
                    .array();
            return new Salt(salt, point);
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] fixed(BigInteger v, int len) {
        byte[] b = v.toByteArray();
        if (b.length == len) {
            return b;
        }
        if (b.length > len) {
            return Arrays.copyOfRange(b, b.length - len, b.length);
        }
        byte[] out = new byte[len];
        System.arraycopy(b, 0, out, len - b.length, b.length);
        return out;
    }

    /** KDFe (SP 800-56A concatenation KDF): H([i]₃₂ ‖ Z ‖ label ‖ 00 ‖ U ‖ V) for i = 1, 2, ... */
    public static byte[] kdfe(int alg, byte[] z, String label, byte[] u, byte[] v, int bits) {
        byte[] out = new byte[(bits + 7) / 8];
        byte[] l = SessionClient.concat(label.getBytes(StandardCharsets.US_ASCII), new byte[1]);
        int off = 0;
        for (int i = 1; off < out.length; i++) {
            byte[] block = SessionClient.hash(alg, ByteBuffer.allocate(4).putInt(i).array(), z, l, u, v);
            int n = Math.min(block.length, out.length - off);
            System.arraycopy(block, 0, out, off, n);
            off += n;
        }
        return out;
    }
}
