package dev.jvtpm.engine.crypto;

/**
 * AES in the TPM's modes plus AES-GCM for sealing state. Guarantee: output equals FIPS 197 /
 * SP 800-38A / SP 800-38D for every key, IV and input.
 */
public interface CipherFamily {
    /**
     * Encrypts or decrypts {@code data} with AES in {@code mode}. {@code iv} is 16 bytes (ignored
     * for ECB). CBC and ECB need whole blocks; CFB, CTR and OFB take any length.
     */
    byte[] aes(SymMode mode, boolean encrypt, byte[] key, byte[] iv, byte[] data);

    /** AES-GCM with a 16-byte tag appended to the ciphertext. */
    byte[] gcmSeal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext);

    /** Opens what {@link #gcmSeal} made; throws {@link javax.crypto.AEADBadTagException} on any tampering. */
    byte[] gcmOpen(byte[] key, byte[] nonce, byte[] aad, byte[] sealed) throws javax.crypto.AEADBadTagException;
}
