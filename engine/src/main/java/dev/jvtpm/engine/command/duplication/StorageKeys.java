package dev.jvtpm.engine.command.duplication;

import dev.jvtpm.engine.auth.Entity;
import dev.jvtpm.engine.auth.ObjectEntity;
import dev.jvtpm.engine.object.KeyObject;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.object.ObjectAttributes;

/** ObjectIsStorage: a restricted RSA or ECC decrypt key that does not sign (public part suffices). */
final class StorageKeys {
    private StorageKeys() {}

    /** The storage key behind {@code e}, or null when {@code e} is TPM_RH_NULL or not a storage key. */
    static KeyObject storage(Entity e) {
        if (!(e instanceof ObjectEntity oe) || oe.key() == null) {
            return null;
        }
        KeyObject k = oe.key();
        boolean storage = k.has(ObjectAttributes.RESTRICTED) && k.has(ObjectAttributes.DECRYPT)
                && !k.has(ObjectAttributes.SIGN) && (k.type() == TpmAlgId.RSA || k.type() == TpmAlgId.ECC);
        return storage ? k : null;
    }
}
