package dev.jvtpm.engine.object.name;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.Hasher;
import dev.jvtpm.engine.types.HashAlg;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.PublicArea;

/**
 * Names and qualified names (Part 1 §16 "Names", §26.5 "Qualified Name").
 *
 * <ul>
 * <li>An object's Name is nameAlg ‖ H<sub>nameAlg</sub>(TPMT_PUBLIC); an object whose nameAlg is
 *     TPM_ALG_NULL has no Name (the Empty Buffer), as in libtpms EntityGetName.</li>
 * <li>Permanent handles, PCRs and sessions are named by their 4-byte handle.</li>
 * <li>An object's qualified name is nameAlg ‖ H<sub>nameAlg</sub>(QN<sub>parent</sub> ‖ Name);
 *     a hierarchy's QN is its handle. An external object (TPM2_LoadExternal) and a child of
 *     TPM_RH_UNASSIGNED have QN = Name (libtpms ObjectSetLoadedAttributes, ComputeQualifiedName).</li>
 * </ul>
 */
public final class ObjectName {
    private ObjectName() {}

    /** The Name of an object with this public area; empty when nameAlg is TPM_ALG_NULL. */
    public static byte[] of(CryptoSuite suite, PublicArea publicArea) {
        HashAlg alg = publicArea.nameHash();
        if (alg == null) {
            return new byte[0];
        }
        return prefixed(alg, suite.hash(alg, publicArea.toBytes()));
    }

    /** The Name of an entity that is named by its handle (hierarchies, PCRs, sessions). */
    public static byte[] ofHandle(int handle) {
        return new byte[] {(byte) (handle >>> 24), (byte) (handle >>> 16), (byte) (handle >>> 8), (byte) handle};
    }

    /** The qualified name of a hierarchy (or TPM_RH_NULL) used as a parent: its handle. */
    public static byte[] hierarchyQualifiedName(int hierarchy) {
        if (TpmHandles.type(hierarchy) != TpmHandles.HT_PERMANENT) {
            throw new IllegalArgumentException("not a permanent handle: 0x" + Integer.toHexString(hierarchy));
        }
        return ofHandle(hierarchy);
    }

    /** QN = nameAlg ‖ H<sub>nameAlg</sub>(parentQualifiedName ‖ name), nameAlg being the child's. */
    public static byte[] qualified(CryptoSuite suite, HashAlg nameAlg, byte[] parentQualifiedName, byte[] name) {
        Hasher h = suite.hasher(nameAlg);
        h.update(parentQualifiedName);
        h.update(name);
        return prefixed(nameAlg, h.digest());
    }

    private static byte[] prefixed(HashAlg alg, byte[] digest) {
        byte[] out = new byte[2 + digest.length];
        out[0] = (byte) (alg.id() >>> 8);
        out[1] = (byte) alg.id();
        System.arraycopy(digest, 0, out, 2, digest.length);
        return out;
    }
}
