package dev.jvtpm.engine.nv;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.types.HashAlg;
import java.util.Arrays;

/**
 * One defined NV index. Like libtpms, it has up to three copies of its attributes and data:
 * <ul>
 *   <li>the index's NV entry: its public area as defined (attributes kept current for ordinary
 *       indexes, never updated for orderly ones), authValue, and — unless TPMA_NV_ORDERLY — its
 *       data;</li>
 *   <li>for orderly indexes, the live attributes and data in RAM, which is what commands see;</li>
 *   <li>for orderly indexes, the copy of that RAM last written to NV (at Shutdown, at
 *       definition and deletion of orderly indexes, on the first write and every
 *       {@code 2^8}th increment of an orderly counter), which TPM2_Startup reloads.</li>
 * </ul>
 * Changes go through {@link NvStore}, which knows what each of them obliges the TPM to save.
 */
public final class NvIndex {
    private final NvPublic defined;
    private int nvAttributes;
    private byte[] authValue;
    private final byte[] nvData;
    private int ramAttributes;
    private final byte[] ramData;
    private int savedAttributes;
    private final byte[] savedData;

    /** A new index; {@code initialData} is what its NV data area holds before the first write. */
    NvIndex(NvPublic defined, byte[] authValue, byte[] initialData) {
        this.defined = defined;
        this.nvAttributes = defined.attributes();
        this.authValue = authValue.clone();
        if (isOrderly()) {
            this.nvData = null;
            this.ramData = new byte[defined.dataSize()];
            this.savedData = new byte[defined.dataSize()];
            this.ramAttributes = defined.attributes();
            this.savedAttributes = defined.attributes();
        } else {
            this.nvData = initialData.clone();
            this.ramData = null;
            this.savedData = null;
        }
    }

    public int handle() {
        return defined.nvIndex();
    }

    public HashAlg nameAlg() {
        return defined.nameAlg();
    }

    public byte[] authPolicy() {
        return defined.authPolicy();
    }

    public int dataSize() {
        return defined.dataSize();
    }

    /** TPMA_NV_ORDERLY never changes after definition, so it is read from the defined area. */
    public boolean isOrderly() {
        return NvAttributes.has(defined.attributes(), NvAttributes.ORDERLY);
    }

    /** The attributes commands see: from RAM for orderly indexes, from the NV entry otherwise. */
    public int attributes() {
        return isOrderly() ? ramAttributes : nvAttributes;
    }

    /** The attributes in the index's NV entry (what NvFlushHierarchy and counter counting read). */
    public int nvAttributes() {
        return nvAttributes;
    }

    public boolean has(int attribute) {
        return NvAttributes.has(attributes(), attribute);
    }

    /** The public area with the current attributes (NV_ReadPublic, the Name). */
    public NvPublic publicArea() {
        return defined.withAttributes(attributes());
    }

    public byte[] name(CryptoSuite crypto) {
        return publicArea().name(crypto);
    }

    /** The authValue, stored without trailing zeros. */
    public byte[] authValue() {
        return authValue.clone();
    }

    /** {@code size} bytes of data from {@code offset} (the caller checked the range). */
    public byte[] read(int offset, int size) {
        return Arrays.copyOfRange(isOrderly() ? ramData : nvData, offset, offset + size);
    }

    /** The first 8 data bytes as a big-endian integer (counters, bit fields, PIN indexes). */
    public long readUint64() {
        byte[] b = read(0, 8);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    // ---- changes, made by NvStore ----

    void setNvAttributes(int attributes) {
        nvAttributes = attributes;
    }

    void setRamAttributes(int attributes) {
        ramAttributes = attributes;
    }

    void setAuthValue(byte[] auth) {
        authValue = auth.clone();
    }

    /** The data area commands write: RAM for orderly indexes, the NV entry otherwise. */
    byte[] liveData() {
        return isOrderly() ? ramData : nvData;
    }

    /** NvUpdateIndexOrderlyData for this index: the RAM copy goes to NV. */
    void saveRam() {
        savedAttributes = ramAttributes;
        System.arraycopy(ramData, 0, savedData, 0, ramData.length);
    }

    /** NvEntityStartup's reload of the RAM copy from NV. */
    void restoreRam() {
        ramAttributes = savedAttributes;
        System.arraycopy(savedData, 0, ramData, 0, ramData.length);
    }

    NvPublic defined() {
        return defined;
    }

    int savedAttributes() {
        return savedAttributes;
    }

    byte[] savedData() {
        return savedData;
    }

    byte[] nvData() {
        return nvData;
    }

    byte[] ramData() {
        return ramData;
    }

    /** Rebuilds an index from a state blob. */
    static NvIndex restore(NvPublic nvEntry, byte[] authValue, int savedAttributes, byte[] data) {
        NvIndex idx = new NvIndex(nvEntry, authValue, data);
        if (idx.isOrderly()) {
            idx.savedAttributes = savedAttributes;
            System.arraycopy(data, 0, idx.savedData, 0, data.length);
            idx.restoreRam();
        } else {
            System.arraycopy(data, 0, idx.nvData, 0, data.length);
        }
        return idx;
    }
}
