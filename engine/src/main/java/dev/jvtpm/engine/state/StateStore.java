package dev.jvtpm.engine.state;

import java.util.Optional;

/**
 * Where a TPM's state blobs live. Implementations seal and unseal as they see fit; the engine
 * hands over and receives plaintext blobs. A {@link #write} that returns has made the blob
 * durable: a crash afterwards finds it, a crash during finds the previous one.
 */
public interface StateStore {
    /** The blob, or empty if none was ever written (or it was deleted). */
    Optional<byte[]> read(BlobKind kind) throws StateException;

    void write(BlobKind kind, byte[] blob) throws StateException;

    void delete(BlobKind kind) throws StateException;

    /** The blob exactly as stored (sealed), for GET_STATEBLOB without the decrypted flag. */
    Optional<byte[]> readSealed(BlobKind kind) throws StateException;

    /** Unseals bytes in this store's sealed format (SET_STATEBLOB with the encrypted flag). */
    byte[] unseal(BlobKind kind, byte[] sealed) throws StateException;

    /** Seals plaintext into this store's format without storing it. */
    byte[] seal(BlobKind kind, byte[] plaintext) throws StateException;

    /** Whether blobs are encrypted at rest (GET_CONFIG's file-key flag). */
    boolean encrypted();

    /** Human-readable location for messages ("/var/lib/jvtpm/vm1"). */
    String describe();
}
