package dev.jvtpm.engine.auth;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;

/**
 * cpHash and rpHash of one command (Part 1 §18.7): cpHash = H(commandCode ‖ Name of each handle ‖
 * parameters as sent, that is before parameter decryption); rpHash = H(TPM_RC_SUCCESS ‖
 * commandCode ‖ response parameters as returned, that is after parameter encryption). Each is
 * computed once per hash algorithm, when a session, the audit or a policy check first needs it.
 */
final class ParameterHashes {
    private final TpmCore core;
    private final int commandCode;
    private final Entity[] handles;
    private final byte[] parameters;
    private final byte[][] cpHashes = new byte[HashAlg.values().length][];
    private final byte[][] rpHashes = new byte[HashAlg.values().length][];
    private byte[] response = new byte[0];
    private int responseOff;
    private int responseLen;

    ParameterHashes(TpmCore core, int commandCode, Entity[] handles, byte[] parameters) {
        this.core = core;
        this.commandCode = commandCode;
        this.handles = handles;
        this.parameters = parameters;
    }

    /** The command parameter bytes as sent. */
    byte[] parameters() {
        return parameters;
    }

    int commandCode() {
        return commandCode;
    }

    byte[] cpHash(HashAlg alg) {
        byte[] h = cpHashes[alg.ordinal()];
        if (h == null) {
            Hasher x = core.crypto.hasher(alg).updateU32(commandCode);
            for (Entity e : handles) {
                x.update(e.name());
            }
            h = x.update(parameters).digest();
            cpHashes[alg.ordinal()] = h;
        }
        return h;
    }

    /** H(Name of each handle), for a policy nameHash (CompareNameHash). */
    byte[] nameHash(HashAlg alg) {
        Hasher x = core.crypto.hasher(alg);
        for (Entity e : handles) {
            x.update(e.name());
        }
        return x.digest();
    }

    /** The response parameters (after encryption) that rpHash covers. */
    void response(byte[] buf, int off, int len) {
        this.response = buf;
        this.responseOff = off;
        this.responseLen = len;
    }

    byte[] rpHash(HashAlg alg) {
        byte[] h = rpHashes[alg.ordinal()];
        if (h == null) {
            h = core.crypto.hasher(alg).updateU32(0).updateU32(commandCode)
                    .update(response, responseOff, responseLen).digest();
            rpHashes[alg.ordinal()] = h;
        }
        return h;
    }
}
