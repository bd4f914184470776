package dev.jvtpm.daemon.interop.qemu;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the SVR4 "newc" format (magic {@code 070701}), the only one the Linux
 * initramfs unpacker accepts. Written here rather than by {@code cpio(1)} so that the archive can
 * hold {@code /dev/console} without root, and so that it is byte-for-byte reproducible
 * (owner root, mtime 0, inode numbers in order).
 */
final class NewcArchiveWriter implements Closeable {

    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFCHR = 0020000;

    private final OutputStream out;
    private long written;
    private int nextInode = 1;

    NewcArchiveWriter(OutputStream out) {
        this.out = out;
    }

    void directory(String name, int permissions) throws IOException {
        entry(name, S_IFDIR | permissions, 2, 0, 0, new byte[0]);
    }

    void file(String name, int permissions, byte[] content) throws IOException {
        entry(name, S_IFREG | permissions, 1, 0, 0, content);
    }

    void characterDevice(String name, int permissions, int major, int minor) throws IOException {
        entry(name, S_IFCHR | permissions, 1, major, minor, new byte[0]);
    }

    /** Writes the {@code TRAILER!!!} entry; does not close the underlying stream. */
    @Override
    public void close() throws IOException {
        nextInode = 0;
        entry("TRAILER!!!", 0, 1, 0, 0, new byte[0]);
        out.flush();
    }

    private void entry(String name, int mode, int links, int rdevMajor, int rdevMinor, byte[] content) throws IOException {
        byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
        StringBuilder header = new StringBuilder("070701");
        for (long field : new long[] {
                nextInode == 0 ? 0 : nextInode++, mode, 0 /* uid */, 0 /* gid */, links, 0 /* mtime */,
                content.length, 0, 0 /* dev major, minor */, rdevMajor, rdevMinor, nameBytes.length, 0 /* check */}) {
            header.append(String.format("%08x", field));
        }
        write(header.toString().getBytes(StandardCharsets.US_ASCII));
        write(nameBytes);
        pad();
        write(content);
        pad();
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    /** Header+name and data are each padded to a multiple of four bytes. */
    private void pad() throws IOException {
        while (written % 4 != 0) {
            out.write(0);
            written++;
        }
    }
}
