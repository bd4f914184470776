#!/bin/busybox sh
# /init of the jvtpm QEMU interop guest (see QemuGuestBootTest). Reports what the guest sees
# of its TPM on ttyS0, each finding between "@@JVTPM-BEGIN name@@" and "@@JVTPM-END name@@",
# prints "@@JVTPM-DONE@@" and powers off. It judges nothing: the host test does.
/bin/busybox mount -t proc proc /proc
/bin/busybox --install -s /bin
export PATH=/bin
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t securityfs securityfs /sys/kernel/security
# Only emergencies from the kernel from here on, so its messages cannot split a section.
echo 1 > /proc/sys/kernel/printk

begin() { echo "@@JVTPM-BEGIN $1@@"; }
end() { echo "@@JVTPM-END $1@@"; }

begin kernel
uname -r
end kernel

begin tpm-version-major
cat /sys/class/tpm/tpm0/tpm_version_major 2>&1
end tpm-version-major

begin tpm-driver
basename "$(readlink /sys/class/tpm/tpm0/device/driver)"
end tpm-driver

begin dmesg-tpm
dmesg | grep -i -e tpm -e tcg -e 'efi:'
end dmesg-tpm

# One line per PCR: "<bank> <index> <hex>", from the sysfs files the kernel reads with
# TPM2_PCR_Read (present since Linux 5.12).
begin pcrs
for bank in /sys/class/tpm/tpm0/pcr-*; do
    [ -d "$bank" ] || continue
    for i in $(seq 0 23); do
        echo "${bank##*/pcr-} $i $(cat "$bank/$i")"
    done
done
end pcrs

log=/sys/kernel/security/tpm0/binary_bios_measurements
begin eventlog-status
if [ -e $log ]; then echo present; else echo absent; fi
end eventlog-status
begin eventlog
[ -e $log ] && base64 $log
end eventlog

# IMA extends PCR 10 itself (boot_aggregate) and logs it here, not in the firmware log.
begin ima
cat /sys/kernel/security/ima/ascii_runtime_measurements 2>/dev/null
end ima

# Raw TPM2_GetRandom(bytesRequested=16) through the kernel's resource manager, twice: one
# write of the command, one read of the whole response, on the same open file.
begin getrandom
if [ -c /dev/tpmrm0 ]; then
    for n in 1 2; do
        exec 3<>/dev/tpmrm0
        printf '\200\001\000\000\000\014\000\000\001\173\000\020' >&3
        dd bs=4096 count=1 <&3 2>/dev/null | od -An -tx1 -v | tr -d ' \n'
        echo
        exec 3<&-
    done
else
    echo "no /dev/tpmrm0"
fi
end getrandom

echo "@@JVTPM-DONE@@"
poweroff -f
