package dev.jvtpm.daemon.ctrl;

import dev.jvtpm.nativebridge.UnixSockets;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;

/**
 * Collects one control message exactly as swtpm 0.7.1's ctrlchannel_recv_cmd does. There is no
 * length prefix: the first read (recvmsg, which also delivers an SCM_RIGHTS descriptor) takes
 * whatever is there, further reads continue until the command's minimum length is present or
 * the 4+4100-byte buffer is full, all within 500 ms of the first byte. When the deadline passes
 * between reads the message is processed as it is; when a read itself times out the client is
 * dropped without an answer, as swtpm's poll timeout does.
 */
final class CtrlReader {
    static final int BUFFER = CtrlCommand.HEADER + 4100;
    static final long DEADLINE_NANOS = 500_000_000L;

    private final Socket socket;
    private final InputStream in;
    private final UnixSockets fdSource;

    /**
     * @param fdSource where descriptors received on {@code socket} are collected, or null when
     *     the socket cannot carry them (TCP)
     */
    CtrlReader(Socket socket, InputStream in, UnixSockets fdSource) {
        this.socket = socket;
        this.in = in;
        this.fdSource = fdSource;
    }

    /** The next message, or null when the client hung up or stalled mid-message. */
    CtrlMessage read() throws IOException {
        byte[] buf = new byte[BUFFER];
        int received = 0;
        long deadline = 0;
        List<FileDescriptor> fds = List.of();
        while (received < BUFFER) {
            int n;
            if (received == 0) {
                socket.setSoTimeout(0);
                n = in.read(buf, 0, BUFFER);
                deadline = System.nanoTime() + DEADLINE_NANOS;
                if (n > 0 && fdSource != null) {
                    fds = fdSource.receivedFileDescriptors(socket);
                }
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, left / 1_000_000L));
                try {
                    n = in.read(buf, received, BUFFER - received);
                } catch (SocketTimeoutException stalled) {
                    closeAll(fds);
                    return null;
                }
                if (fdSource != null) {
                    // Only the first recvmsg has room for a descriptor; later ones lose theirs.
                    closeAll(fdSource.receivedFileDescriptors(socket));
                }
            }
            if (n < 0) {
                closeAll(fds);
                return null;
            }
            received += n;
            if (received < CtrlCommand.HEADER) {
                continue;
            }
            if (received >= CtrlCommand.needed(buf, received)) {
                break;
            }
        }
        return new CtrlMessage(buf, received, fds);
    }

    private void closeAll(List<FileDescriptor> fds) {
        for (FileDescriptor fd : fds) {
            fdSource.close(fd);
        }
    }
}
