package dev.jvtpm.engine.crypto.jca;

import dev.jvtpm.engine.crypto.DigestFamily;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * SHA and HMAC from the JDK. New instances are cloned from per-algorithm prototypes: provider
 * lookup in {@code getInstance} costs more than hashing a short TPM command.
 */
final class JcaDigests implements DigestFamily {
    private final MessageDigest[] prototypes = new MessageDigest[HashAlg.values().length];
    private final Mac[] macPrototypes = new Mac[HashAlg.values().length];

    JcaDigests() {
        for (HashAlg alg : HashAlg.values()) {
            try {
                prototypes[alg.ordinal()] = MessageDigest.getInstance(alg.jcaName());
                macPrototypes[alg.ordinal()] = Mac.getInstance("Hmac" + alg.jcaName().replace("-", ""));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("JDK lacks " + alg.jcaName(), e);
            }
        }
    }

    @Override
    public Hasher hasher(HashAlg alg) {
        try {
            return new MdHasher((MessageDigest) prototypes[alg.ordinal()].clone());
        } catch (CloneNotSupportedException e) {
            try {
                return new MdHasher(MessageDigest.getInstance(alg.jcaName()));
            } catch (NoSuchAlgorithmException e2) {
                throw new IllegalStateException(e2);
            }
        }
    }

    @Override
    public Hasher hmac(HashAlg alg, byte[] key) {
        try {
            Mac mac = (Mac) macPrototypes[alg.ordinal()].clone();
            // SecretKeySpec rejects empty keys; HMAC with an empty key equals HMAC with one zero byte.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, mac.getAlgorithm()));
            return new MacHasher(mac);
        } catch (CloneNotSupportedException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class MdHasher implements Hasher {
        private final MessageDigest md;

        MdHasher(MessageDigest md) {
            this.md = md;
        }

        @Override
        public Hasher update(byte[] data, int off, int len) {
            md.update(data, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            return md.digest();
        }

        @Override
        public Hasher copy() {
            try {
                return new MdHasher((MessageDigest) md.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final class MacHasher implements Hasher {
        private final Mac mac;

        MacHasher(Mac mac) {
            this.mac = mac;
        }

        @Override
        public Hasher update(byte[] data, int off, int len) {
            mac.update(data, off, len);
            return this;
        }

        @Override
        public byte[] digest() {
            return mac.doFinal();
        }

        @Override
        public Hasher copy() {
            try {
                return new MacHasher((Mac) mac.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
