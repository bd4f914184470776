package dev.jvtpm.daemon.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.Arrays;

/**
 * Frames the data channel by each command's own size field: the 10-byte header, then
 * {@code commandSize - 10} more bytes, however they are split across reads or packed into one.
 * (swtpm 0.7.1 hands whatever one read() returned to libtpms; framing by size is strictly more
 * robust and gives the same answers to well-behaved clients.) An optional MS-simulator prefix
 * ({@code u32 8, u8 locality, u32 size}) is recognised as swtpm does: first word 8, tag not
 * 0x8001/0x8002.
 *
 * <p>Reads go into one buffer as large as the largest prefixed command, so a command that
 * arrives in one segment costs one read() (the round trip of small commands is mostly system
 * calls); bytes past the command, the start of the next one, stay buffered.
 *
 * <p>An idle connection may wait for its next command forever (QEMU keeps its data channel
 * open); once a command has begun, each further read must arrive within the idle timeout or
 * the client is dropped.
 */
final class CommandReader {
    static final int HEADER = 10;
    static final int SEND_COMMAND = 8;
    private static final int PREFIX = 9;
    private static final int TAG_NO_SESSIONS = 0x8001;
    private static final int TAG_SESSIONS = 0x8002;

    private final Socket socket;
    private final InputStream in;
    private final int idleTimeoutMillis;
    private final int maxCommand;
    private final byte[] buf;
    /** The buffered bytes not yet returned: {@code buf[start, end)}. */
    private int start;
    private int end;

    CommandReader(Socket socket, InputStream in, int idleTimeoutMillis, int maxCommand) {
        this.socket = socket;
        this.in = in;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.maxCommand = maxCommand;
        this.buf = new byte[PREFIX + maxCommand];
    }

    /**
     * The next command, or null when the client closed the connection between commands.
     *
     * @throws EOFException when it closed in the middle of one
     * @throws java.net.SocketTimeoutException when it stalled in the middle of one
     */
    CommandFrame next() throws IOException {
        if (start == end) {
            start = 0;
            end = 0;
            socket.setSoTimeout(0);
            int n = in.read(buf, 0, buf.length);
            if (n < 0) {
                return null;
            }
            end = n;
        }
        need(HEADER);
        int tag = ((buf[start] & 0xFF) << 8) | (buf[start + 1] & 0xFF);
        boolean prefixed = tag != TAG_NO_SESSIONS && tag != TAG_SESSIONS && u32(buf, start) == SEND_COMMAND;
        int locality = 0;
        if (prefixed) {
            // u32 8 | u8 locality | u32 size (not cross-checked, as in swtpm) | command
            locality = buf[start + 4] & 0xFF;
            start += PREFIX;
            need(HEADER);
        }
        long size = Integer.toUnsignedLong(u32(buf, start + 2));
        if (size < HEADER || size > maxCommand) {
            byte[] header = Arrays.copyOfRange(buf, start, start + HEADER);
            start = end; // the rest of the stream cannot be framed; the connection is closed
            return new CommandFrame(header, prefixed, locality, true);
        }
        need((int) size);
        byte[] command = Arrays.copyOfRange(buf, start, start + (int) size);
        start += (int) size;
        return new CommandFrame(command, prefixed, locality, false);
    }

    /** Reads until {@code buf[start, start + n)} is buffered, each read within the idle timeout. */
    private void need(int n) throws IOException {
        if (end - start >= n) {
            return;
        }
        if (start + n > buf.length) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        socket.setSoTimeout(idleTimeoutMillis);
        while (end - start < n) {
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) {
                throw new EOFException("connection closed in the middle of a command");
            }
            end += r;
        }
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
