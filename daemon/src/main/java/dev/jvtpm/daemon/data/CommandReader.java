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
 * <p>An idle connection may wait for its next command forever (QEMU keeps its data channel
 * open); once a command has begun, each further read must arrive within the idle timeout or
 * the client is dropped.
 */
final class CommandReader {
    static final int HEADER = 10;
    static final int SEND_COMMAND = 8;
    private static final int TAG_NO_SESSIONS = 0x8001;
    private static final int TAG_SESSIONS = 0x8002;

    private final Socket socket;
    private final InputStream in;
    private final int idleTimeoutMillis;
    private final int maxCommand;

    CommandReader(Socket socket, InputStream in, int idleTimeoutMillis, int maxCommand) {
        this.socket = socket;
        this.in = in;
        this.idleTimeoutMillis = idleTimeoutMillis;
        this.maxCommand = maxCommand;
    }

    /**
     * The next command, or null when the client closed the connection between commands.
     *
     * @throws EOFException when it closed in the middle of one
     * @throws java.net.SocketTimeoutException when it stalled in the middle of one
     */
    CommandFrame next() throws IOException {
        byte[] head = new byte[HEADER];
        socket.setSoTimeout(0);
        int first = in.read(head, 0, HEADER);
        if (first < 0) {
            return null;
        }
        socket.setSoTimeout(idleTimeoutMillis);
        readFully(head, first, HEADER - first);
        int tag = ((head[0] & 0xFF) << 8) | (head[1] & 0xFF);
        boolean prefixed = tag != TAG_NO_SESSIONS && tag != TAG_SESSIONS && u32(head, 0) == SEND_COMMAND;
        int locality = 0;
        byte[] header = head;
        if (prefixed) {
            // u32 8 | u8 locality | u32 size (not cross-checked, as in swtpm) | command
            locality = head[4] & 0xFF;
            header = new byte[HEADER];
            header[0] = head[9];
            readFully(header, 1, HEADER - 1);
        }
        long size = Integer.toUnsignedLong(u32(header, 2));
        if (size < HEADER || size > maxCommand) {
            return new CommandFrame(header, prefixed, locality, true);
        }
        byte[] command = Arrays.copyOf(header, (int) size);
        readFully(command, HEADER, (int) size - HEADER);
        return new CommandFrame(command, prefixed, locality, false);
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            int n = in.read(b, off, len);
            if (n < 0) {
                throw new EOFException("connection closed in the middle of a command");
            }
            off += n;
            len -= n;
        }
    }

    static int u32(byte[] b, int off) {
        return ((b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }
}
