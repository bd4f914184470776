package dev.jvtpm.engine.state;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key that seals state blobs, as configured (16 or 32 bytes of key material). The AES-256-GCM
 * sealing key and a public key identifier are derived from it with HMAC-SHA256 under distinct
 * labels, so a 128-bit swtpm-style key works too and the identifier reveals nothing about the key.
 * {@link #toString()} never prints key bytes.
 */
public final class StateKey {
    private final byte[] material;
    private final String source;

    public StateKey(byte[] material, String source) {
        if (material.length != 16 && material.length != 32) {
            throw new IllegalArgumentException("state key must be 16 or 32 bytes, " + source + " gives "
                    + material.length);
        }
        this.material = material.clone();
        this.source = source;
    }

    /** Where the key came from ("key file /etc/jvtpm/vm1.key"), for messages. */
    public String source() {
        return source;
    }

    /** The raw key material length in bits (128 or 256). */
    public int bits() {
        return material.length * 8;
    }

    /** AES-256-GCM key for sealing blobs. */
    byte[] sealingKey() {
        return hmac("jvtpm state sealing key v1");
    }

    /** 8-byte identifier stored in sealed blobs to tell "wrong key" from "tampered". */
    public byte[] id() {
        return Arrays.copyOf(hmac("jvtpm state key id v1"), 8);
    }

    public String idHex() {
        return HexFormat.of().formatHex(id());
    }

    private byte[] hmac(String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(material, "HmacSHA256"));
            return mac.doFinal(label.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean sameAs(StateKey other) {
        return MessageDigest.isEqual(material, other.material);
    }

    @Override
    public String toString() {
        return "StateKey[" + bits() + " bits, id " + idHex() + ", from " + source + "]";
    }
}
