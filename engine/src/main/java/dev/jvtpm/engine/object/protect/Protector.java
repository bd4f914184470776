package dev.jvtpm.engine.object.protect;

import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.types.object.SymDefObject;

/**
 * What an outer wrap is keyed by (Part 1 §23.3 "Protected Storage", §23.3.2 "Symmetric
 * Encryption", §23.3.3 "Integrity"): a seed, the hash of the KDFa and HMAC, and the block cipher.
 *
 * <ul>
 * <li>A private blob under a parent: the parent's seedValue, nameAlg and symmetric definition.</li>
 * <li>A duplication blob or credential: the secret seed shared through the new parent's or EK's
 *     public key, with that key's nameAlg and symmetric definition.</li>
 * <li>A temporary object in TPM_RH_NULL (libtpms: protector NULL): the nullProof, the object's own
 *     nameAlg and the context-encryption cipher, AES-256.</li>
 * </ul>
 *
 * <p>{@code toString} does not print the seed.
 */
public record Protector(byte[] seed, HashAlg hash, SymDefObject symmetric) {

    /** The protection a parent gives its children. */
    public static Protector ofParent(PublicArea parentPublic, SensitiveArea parentSensitive) {
        return new Protector(parentSensitive.seedValue(), parentPublic.nameHash(), parentPublic.parameters().symmetric());
    }

    /** The protection of an external seed (duplication, credential) under a key's public area. */
    public static Protector ofSeed(byte[] seed, PublicArea keyPublic) {
        return new Protector(seed, keyPublic.nameHash(), keyPublic.parameters().symmetric());
    }

    /** libtpms with protector NULL: nullProof, the object's nameAlg, CONTEXT_ENCRYPT_ALG at its maximum key size. */
    public static Protector ofNullHierarchy(byte[] nullProof, HashAlg objectNameAlg) {
        return new Protector(nullProof, objectNameAlg, SymDefObject.aes(256, TpmAlgId.CFB));
    }

    @Override
    public String toString() {
        return "Protector[" + hash + ", " + symmetric + "]";
    }
}
