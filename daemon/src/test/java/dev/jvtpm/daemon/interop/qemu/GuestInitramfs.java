package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The guest's whole userland: a gzip'd newc initramfs holding the static busybox and
 * {@code /init} (the {@code qemu/init.sh} test resource), which mounts proc/sys/devtmpfs/
 * securityfs, reports what the guest sees of its TPM on ttyS0 and powers off.
 * Cached under a key derived from busybox and the script, so an edit to either rebuilds it.
 */
final class GuestInitramfs {

    /** Overrides the busybox binary copied into the guest; it must be statically linked. */
    static final String BUSYBOX_PROPERTY = "jvtpm.qemu.busybox";
    static final String INIT_RESOURCE = "/qemu/init.sh";

    private static final int PT_INTERP = 3;

    private GuestInitramfs() {
    }

    static Path build(ArtifactCache cache) throws IOException {
        Path busybox = Path.of(System.getProperty(BUSYBOX_PROPERTY, "/bin/busybox"));
        if (!Files.isRegularFile(busybox)) {
            throw new IOException(busybox + " is missing: install busybox-static");
        }
        byte[] busyboxBytes = Files.readAllBytes(busybox);
        if (hasProgramInterpreter(busyboxBytes)) {
            throw new IOException(busybox + " is dynamically linked; the guest has no libc: install busybox-static");
        }
        byte[] init;
        try (InputStream in = GuestInitramfs.class.getResourceAsStream(INIT_RESOURCE)) {
            if (in == null) {
                throw new IOException("test resource " + INIT_RESOURCE + " is missing");
            }
            init = in.readAllBytes();
        }
        Path target = cache.entry("initramfs/" + key(busyboxBytes, init) + ".cpio.gz");
        if (Files.isRegularFile(target)) {
            return target;
        }
        Path work = cache.newWorkDir();
        try {
            Path archive = work.resolve("initramfs.cpio.gz");
            try (OutputStream file = Files.newOutputStream(archive);
                 GZIPOutputStream gz = new GZIPOutputStream(file);
                 NewcArchiveWriter cpio = new NewcArchiveWriter(gz)) {
                cpio.directory("bin", 0755);
                cpio.directory("dev", 0755);
                // The kernel opens /dev/console for /init's stdio before anything is mounted.
                cpio.characterDevice("dev/console", 0600, 5, 1);
                cpio.directory("proc", 0755);
                cpio.directory("sys", 0755);
                cpio.directory("tmp", 01777);
                cpio.file("bin/busybox", 0755, busyboxBytes);
                cpio.file("init", 0755, init);
            }
            ArtifactCache.publish(archive, target);
        } finally {
            ArtifactCache.deleteRecursively(work);
        }
        return target;
    }

    private static String key(byte[] busybox, byte[] init) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(busybox);
            md.update(init);
            return HexFormat.of().formatHex(md.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True if the ELF64 executable names a dynamic loader (a PT_INTERP program header). */
    static boolean hasProgramInterpreter(byte[] elf) throws IOException {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2 || elf[5] != 1) {
            throw new IOException("busybox is not a little-endian ELF64 executable");
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at + 4 > elf.length) {
                throw new IOException("busybox has a truncated program header table");
            }
            if (b.getInt((int) at) == PT_INTERP) {
                return true;
            }
        }
        return false;
    }
}
