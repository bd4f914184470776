package dev.jvtpm.daemon.interop.qemu;

import java.util.List;

/**
 * The firmware × TPM interface combinations the guest boots on. Kept to two so the suite stays
 * short: a legacy BIOS PC with a TIS TPM and a UEFI Q35 with a CRB TPM. Both firmwares were found
 * (by booting them) to hand Linux a TCG event log, so the test requires one on each.
 */
enum GuestPlatform {

    /**
     * SeaBIOS (QEMU's default) on i440fx with {@code tpm-tis}. SeaBIOS measures itself, option ROMs
     * and separators into PCRs 0–7 and hands Linux a crypto-agile log through the log area of the
     * ACPI TPM2 table (observed with QEMU 7.2 / SeaBIOS 1.16 / Linux 6.1).
     */
    SEABIOS_TIS("pc", List.of(), "tpm-tis", "tpm_tis"),

    /**
     * OVMF on Q35 with {@code tpm-crb}. OVMF measures into PCRs 0–7 and the kernel's EFI stub adds
     * its load options and initrd to PCR 9; Linux receives the log (and the final-events table)
     * through EFI configuration tables (observed with Debian's OVMF 2022.11 / Linux 6.1).
     */
    OVMF_CRB("q35", List.of("-bios", "/usr/share/ovmf/OVMF.fd"), "tpm-crb", "tpm_crb");

    private final String machine;
    private final List<String> firmwareArgs;
    private final String tpmDevice;
    private final String linuxDriver;

    GuestPlatform(String machine, List<String> firmwareArgs, String tpmDevice, String linuxDriver) {
        this.machine = machine;
        this.firmwareArgs = firmwareArgs;
        this.tpmDevice = tpmDevice;
        this.linuxDriver = linuxDriver;
    }

    String machine() {
        return machine;
    }

    List<String> firmwareArgs() {
        return firmwareArgs;
    }

    String tpmDevice() {
        return tpmDevice;
    }

    /** The Linux driver that must bind the TPM this device presents. */
    String linuxDriver() {
        return linuxDriver;
    }

    String slug() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
