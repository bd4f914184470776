package dev.jvtpm.nativebridge;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;

/**
 * What the daemon needs beyond the JDK's sockets: Unix-domain sockets that can receive a file
 * descriptor as SCM_RIGHTS ancillary data (QEMU's CMD_SET_DATAFD), and sockets made from raw
 * inherited descriptors ({@code --ctrl fd=}, {@code clientfd=}, {@code --server fd=}, {@code -f}).
 * Everything is handed out as plain {@link Socket}/{@link ServerSocket}, so callers never see the
 * library behind it.
 *
 * <p>Backed by junixsocket, a maintained library that bundles its native code; the JDK's own
 * Unix-domain channels cannot carry ancillary data. Note that closing one of its sockets also
 * shuts the socket down ({@code shutdown(SHUT_RDWR)}), which every other holder of a duplicate
 * descriptor notices; keep a socket open while another process still uses its duplicate.
 */
public interface UnixSockets {
    /** The implementation; loading it loads a native library, so call it when first needed. */
    static UnixSockets get() {
        return JunixsocketUnixSockets.INSTANCE;
    }

    /**
     * Loads the native library now; call it before dropping privileges, since loading may need
     * to unpack it into a directory the unprivileged user cannot use.
     *
     * @throws IOException when Unix sockets are not available on this platform
     */
    void load() throws IOException;

    /**
     * A listening Unix socket at {@code path} with backlog {@code backlog}. An existing file at
     * the path is unlinked first, as swtpm does.
     */
    ServerSocket listen(Path path, int backlog) throws IOException;

    /** A client connection to the Unix socket at {@code path}. */
    Socket connect(Path path) throws IOException;

    /** Two connected Unix stream sockets, as {@code socketpair(AF_UNIX, SOCK_STREAM)}. */
    Socket[] socketPair() throws IOException;

    /** A listening socket (Unix or TCP) from an inherited descriptor number. */
    ServerSocket serverSocketFromFd(int fd) throws IOException;

    /** A connected socket (Unix or TCP) from an inherited descriptor number. */
    Socket socketFromFd(int fd) throws IOException;

    /** A connected socket from a descriptor received over {@link #receivedFileDescriptors}. */
    Socket socketFromFd(FileDescriptor fd) throws IOException;

    /** A {@link FileDescriptor} for an inherited descriptor number (pid file, log, key fds). */
    FileDescriptor fileDescriptor(int fd) throws IOException;

    /** Whether {@code socket} is a Unix-domain socket that can carry descriptors. */
    boolean isUnix(Socket socket);

    /**
     * Makes reads on {@code socket} accept SCM_RIGHTS ancillary data; descriptors that arrive
     * are kept until {@link #receivedFileDescriptors} takes them.
     */
    void enableDescriptorReceipt(Socket socket) throws IOException;

    /** Descriptors received with reads since the last call; the caller owns (and must close) them. */
    List<FileDescriptor> receivedFileDescriptors(Socket socket) throws IOException;

    /** Writes {@code data} in one sendmsg with {@code fds} attached as SCM_RIGHTS. */
    void sendWithDescriptors(Socket socket, byte[] data, FileDescriptor... fds) throws IOException;

    /** The descriptor of an open socket (to pass it to another socket or process). */
    FileDescriptor descriptorOf(Socket socket) throws IOException;

    /** Closes a descriptor that was received but not turned into a socket. */
    void close(FileDescriptor fd);
}
