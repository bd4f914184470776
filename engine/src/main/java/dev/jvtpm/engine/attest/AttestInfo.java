package dev.jvtpm.engine.attest;

import dev.jvtpm.engine.core.TpmCore;
import dev.jvtpm.engine.ticket.HashCheckTickets;
import dev.jvtpm.engine.wire.TpmWriter;
import java.util.function.Consumer;

/**
 * The common part of TPMS_ATTEST (Part 2 §10.12.12) as FillInAttestInfo builds it: magic,
 * qualified signer, extraData, clock info and firmware version, which are obfuscated when the
 * signer is not in the endorsement or platform hierarchy (Part 3 §18.1): resetCount,
 * restartCount and firmwareVersion get KDFa(SHA-512, shProof, "OBFUSCATE", qualifiedSigner, ∅,
 * 128) added, read as two 64-bit integers in little-endian byte order as libtpms on x86 does
 * (its KDF output fills a UINT64 array in memory).
 */
public record AttestInfo(byte[] qualifiedSigner, byte[] extraData, long clock, int resetCount, int restartCount,
                         boolean safe, long firmwareVersion) {
    /** TPM_GENERATED_VALUE. */
    public static final int MAGIC = HashCheckTickets.TPM_GENERATED_VALUE;

    /**
     * FillInAttestInfo for a signer with {@code qualifiedSigner} (4 bytes of TPM_RH_NULL without a
     * signing key); {@code obfuscate} when the signer is not in the endorsement or platform
     * hierarchy (always for TPM_RH_NULL).
     */
    public static AttestInfo fillIn(TpmCore core, byte[] qualifiedSigner, boolean obfuscate, byte[] qualifyingData) {
        long firmware = firmwareVersion(core);
        int resetCount = (int) core.gp.resetCount;
        int restartCount = (int) core.gr.restartCount;
        if (obfuscate) {
            byte[] o = core.kdf.kdfa(HashCheckTickets.INTEGRITY_HASH, core.gp.storageProof, "OBFUSCATE",
                    qualifiedSigner, null, 128);
            long o0 = littleEndian(o, 0);
            long o1 = littleEndian(o, 8);
            firmware += o0;
            resetCount += (int) (o1 >>> 32);
            restartCount += (int) o1;
        }
        return new AttestInfo(qualifiedSigner.clone(), qualifyingData.clone(), core.go.clock, resetCount,
                restartCount, core.go.clockSafe, firmware);
    }

    /** The firmware version as TPMS_ATTEST and TPMS_TIME_ATTEST_INFO carry it: V1 ‖ V2. */
    public static long firmwareVersion(TpmCore core) {
        return ((long) core.config.identity().firmwareVersion1() << 32)
                | (core.config.identity().firmwareVersion2() & 0xFFFFFFFFL);
    }

    private static long littleEndian(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    /** The marshalled TPMS_ATTEST of {@code type} with the type-specific {@code attested} part. */
    public byte[] marshal(int type, Consumer<TpmWriter> attested) {
        TpmWriter w = new TpmWriter(256);
        w.u32(MAGIC).u16(type).tpm2b(qualifiedSigner).tpm2b(extraData)
                .u64(clock).u32(resetCount).u32(restartCount).u8(safe ? 1 : 0).u64(firmwareVersion);
        attested.accept(w);
        return w.toByteArray();
    }
}
