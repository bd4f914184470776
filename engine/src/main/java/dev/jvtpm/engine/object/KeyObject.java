package dev.jvtpm.engine.object;

import dev.jvtpm.engine.core.HierarchyPolicy;
import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.object.name.ObjectName;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.object.ObjectAttributes;
import dev.jvtpm.engine.types.object.ObjectLimits;
import dev.jvtpm.engine.types.object.PublicArea;
import dev.jvtpm.engine.types.object.SensitiveArea;
import dev.jvtpm.engine.wire.TpmException;
import dev.jvtpm.engine.wire.TpmRc;
import dev.jvtpm.engine.wire.TpmReader;
import dev.jvtpm.engine.wire.TpmWriter;

/**
 * A loaded key or data object (the reference's OBJECT for everything but sequences): its public
 * area, its sensitive area unless only the public part was loaded, its hierarchy, Name and
 * qualified name, and the flags of libtpms' OBJECT_ATTRIBUTES that outlive loading (primary,
 * temporary, stClear, external, evict). Immutable apart from the provider keys it prepares on first
 * use ({@link #keys}), which {@link #release()} closes when the object leaves the TPM.
 */
public final class KeyObject extends LoadedObject {
    /** A primary object (created by CreatePrimary, or external in a hierarchy, as the reference marks it). */
    public static final int PRIMARY = 1;
    /** In the null hierarchy: cannot be made persistent, contexts die with the null proof. */
    public static final int TEMPORARY = 1 << 1;
    /** stClear in its own attributes or inherited from its parent: gone at TPM Restart. */
    public static final int ST_CLEAR = 1 << 2;
    /** Loaded by TPM2_LoadExternal: QN = Name, never a parent. */
    public static final int EXTERNAL = 1 << 3;
    /** A persistent object (its handle is {@link #evictHandle()}). */
    public static final int EVICT = 1 << 4;

    private final PublicArea publicArea;
    private final SensitiveArea sensitive;
    private final int hierarchy;
    private final int flags;
    private final int evictHandle;
    private final byte[] name;
    private final byte[] qualifiedName;
    private PreparedKeys keys;

    private KeyObject(PublicArea publicArea, SensitiveArea sensitive, int hierarchy, int flags, int evictHandle,
                      byte[] name, byte[] qualifiedName) {
        this.publicArea = publicArea;
        this.sensitive = sensitive;
        this.hierarchy = hierarchy;
        this.flags = flags;
        this.evictHandle = evictHandle;
        this.name = name;
        this.qualifiedName = qualifiedName;
    }

    /**
     * ObjectSetLoadedAttributes for an object loaded or created under {@code parent}: hierarchy,
     * stClear (own or inherited) and temporary (inherited) from the parent; QN from the parent's QN.
     */
    public static KeyObject underParent(CryptoSuite suite, PublicArea p, SensitiveArea s, KeyObject parent) {
        byte[] name = ObjectName.of(suite, p);
        int f = (parent.flags & (TEMPORARY | ST_CLEAR))
                | (p.has(ObjectAttributes.ST_CLEAR) ? ST_CLEAR : 0);
        return new KeyObject(p, s, parent.hierarchy, f, TpmHandles.RH_UNASSIGNED, name,
                ObjectName.qualified(suite, p.nameHash(), parent.qualifiedName, name));
    }

    /**
     * ObjectSetLoadedAttributes for a primary object of {@code hierarchy}: a primary in the three
     * persistent hierarchies, a temporary object in TPM_RH_NULL; QN from the hierarchy handle.
     */
    public static KeyObject primary(CryptoSuite suite, PublicArea p, SensitiveArea s, int hierarchy) {
        byte[] name = ObjectName.of(suite, p);
        int f = (hierarchy == TpmHandles.RH_NULL ? TEMPORARY : PRIMARY)
                | (p.has(ObjectAttributes.ST_CLEAR) ? ST_CLEAR : 0);
        return new KeyObject(p, s, hierarchy, f, TpmHandles.RH_UNASSIGNED, name,
                ObjectName.qualified(suite, p.nameHash(), ObjectName.ofHandle(hierarchy), name));
    }

    /**
     * TPM2_LoadExternal: like a primary of {@code hierarchy} (the reference sets the same flags),
     * but external, with QN = Name (the Empty Buffer when nameAlg is TPM_ALG_NULL).
     *
     * @param s null for a public-only load
     */
    public static KeyObject external(CryptoSuite suite, PublicArea p, SensitiveArea s, int hierarchy) {
        byte[] name = ObjectName.of(suite, p);
        int f = EXTERNAL | (hierarchy == TpmHandles.RH_NULL ? TEMPORARY : PRIMARY)
                | (p.has(ObjectAttributes.ST_CLEAR) ? ST_CLEAR : 0);
        return new KeyObject(p, s, hierarchy, f, TpmHandles.RH_UNASSIGNED, name, name);
    }

    /** This object made persistent at {@code handle} (TPM2_EvictControl). */
    public KeyObject asPersistent(int handle) {
        return new KeyObject(publicArea, sensitive, hierarchy, flags | EVICT, handle, name, qualifiedName);
    }

    public PublicArea publicArea() {
        return publicArea;
    }

    /** The sensitive area; null when only the public part is loaded. */
    public SensitiveArea sensitive() {
        return sensitive;
    }

    public boolean publicOnly() {
        return sensitive == null;
    }

    public int type() {
        return publicArea.type();
    }

    public boolean has(int attributeBit) {
        return publicArea.has(attributeBit);
    }

    public boolean is(int flag) {
        return (flags & flag) != 0;
    }

    public int flags() {
        return flags;
    }

    /** The persistent handle of an evict object, TPM_RH_UNASSIGNED otherwise. */
    public int evictHandle() {
        return evictHandle;
    }

    public byte[] qualifiedName() {
        return qualifiedName.clone();
    }

    /**
     * An ordinary parent (libtpms isParent): restricted, decrypt, with its private part and a
     * nameAlg, not a KEYEDHASH, not external.
     */
    public boolean isParent() {
        return canBeParent() && type() != TpmAlgId.KEYEDHASH;
    }

    /** A derivation parent (libtpms derivation): a restricted decrypt KEYEDHASH. */
    public boolean isDerivationParent() {
        return canBeParent() && type() == TpmAlgId.KEYEDHASH;
    }

    private boolean canBeParent() {
        return !is(EXTERNAL) && !publicOnly() && has(ObjectAttributes.RESTRICTED) && has(ObjectAttributes.DECRYPT)
                && publicArea.nameHash() != null;
    }

    /** The provider keys of this object, prepared on first use with {@code suite} and kept until released. */
    public PreparedKeys keys(CryptoSuite suite) {
        if (keys == null) {
            keys = new PreparedKeys(suite, publicArea, sensitive);
        }
        return keys;
    }

    @Override
    public int hierarchy() {
        return hierarchy;
    }

    @Override
    public byte[] name() {
        return name.clone();
    }

    @Override
    public byte[] authValue() {
        return sensitive == null ? new byte[0] : sensitive.authValue();
    }

    @Override
    public HierarchyPolicy authPolicy() {
        return new HierarchyPolicy(publicArea.nameAlg(), publicArea.authPolicy());
    }

    @Override
    public boolean noDA() {
        return publicArea.has(ObjectAttributes.NO_DA);
    }

    @Override
    public void release() {
        if (keys != null) {
            keys.close();
            keys = null;
        }
    }

    @Override
    ObjectKind kind() {
        return ObjectKind.KEY;
    }

    @Override
    void save(TpmWriter w) {
        w.u16(1).u32(hierarchy).u32(flags).u32(evictHandle);
        publicArea.writeSized(w);
        if (sensitive == null) {
            w.u16(0);
        } else {
            sensitive.writeSized(w);
        }
        w.tpm2b(name).tpm2b(qualifiedName);
    }

    static KeyObject load(TpmReader r) throws TpmException {
        int version = r.u16();
        if (version != 1) {
            throw new TpmException(TpmRc.VALUE, "key object version " + version);
        }
        int hierarchy = r.u32();
        int flags = r.u32();
        int evictHandle = r.u32();
        PublicArea p = PublicArea.readSized(r, true);
        SensitiveArea s = SensitiveArea.readSized(r);
        byte[] name = r.tpm2b(ObjectLimits.NAME);
        byte[] qn = r.tpm2b(ObjectLimits.NAME);
        return new KeyObject(p, s, hierarchy, flags, evictHandle, name, qn);
    }
}
