package dev.jvtpm.daemon.interop.qemu;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The PCR banks a guest can see, named three ways: by TPM_ALG_ID (event logs), by the Linux
 * sysfs directory suffix ({@code /sys/class/tpm/tpm0/pcr-<name>}) and by JCA digest name.
 * Kept independent of the engine's own tables so the harness is an outside oracle.
 */
enum PcrBank {
    SHA1(0x0004, "sha1", "SHA-1", 20),
    SHA256(0x000B, "sha256", "SHA-256", 32),
    SHA384(0x000C, "sha384", "SHA-384", 48),
    SHA512(0x000D, "sha512", "SHA-512", 64);

    private final int algId;
    private final String sysfsName;
    private final String jcaName;
    private final int digestSize;

    PcrBank(int algId, String sysfsName, String jcaName, int digestSize) {
        this.algId = algId;
        this.sysfsName = sysfsName;
        this.jcaName = jcaName;
        this.digestSize = digestSize;
    }

    int algId() {
        return algId;
    }

    String sysfsName() {
        return sysfsName;
    }

    int digestSize() {
        return digestSize;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has " + jcaName, e);
        }
    }

    /** {@code H(current || measurement)}: what TPM2_PCR_Extend does to one bank. */
    byte[] extend(byte[] current, byte[] measurement) {
        MessageDigest md = newDigest();
        md.update(current);
        md.update(measurement);
        return md.digest();
    }

    static PcrBank fromAlgId(int algId) {
        for (PcrBank b : values()) {
            if (b.algId == algId) {
                return b;
            }
        }
        throw new IllegalArgumentException(String.format("no PCR bank for TPM_ALG_ID 0x%04x", algId));
    }

    static PcrBank fromSysfsName(String name) {
        for (PcrBank b : values()) {
            if (b.sysfsName.equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no PCR bank named " + name);
    }
}
