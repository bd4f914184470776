package dev.jvtpm.nativebridge;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;

/** {@link UnixSockets} on junixsocket. */
final class JunixsocketUnixSockets implements UnixSockets {
    static final JunixsocketUnixSockets INSTANCE = new JunixsocketUnixSockets();

    /**
     * Room for a few descriptors per read; swtpm's buffer holds exactly one, and a sender that
     * attaches more gets the extras closed by {@link #receivedFileDescriptors}' caller.
     */
    private static final int ANCILLARY_BUFFER = 256;

    private JunixsocketUnixSockets() {}

    @Override
    public void load() throws IOException {
        try {
            AFUNIXSocket.ensureSupported();
        } catch (UnsupportedOperationException | LinkageError e) {
            throw new IOException("junixsocket's native library cannot be loaded: " + e.getMessage(), e);
        }
    }

    @Override
    public ServerSocket listen(Path path, int backlog) throws IOException {
        Files.deleteIfExists(path);
        AFUNIXServerSocket server = AFUNIXServerSocket.newInstance();
        // The daemon removes the path itself at exit; junixsocket must not unlink a path that
        // another process may have bound in the meantime.
        server.setDeleteOnClose(false);
        server.bind(AFUNIXSocketAddress.of(path), backlog);
        return server;
    }

    @Override
    public Socket connect(Path path) throws IOException {
        return AFUNIXSocket.connectTo(AFUNIXSocketAddress.of(path));
    }

    @Override
    public Socket[] socketPair() throws IOException {
        var pair = AFUNIXSocketPair.open();
        return new Socket[] {pair.getSocket1().socket(), pair.getSocket2().socket()};
    }

    @Override
    public ServerSocket serverSocketFromFd(int fd) throws IOException {
        return FileDescriptorCast.unsafeUsing(fd).as(ServerSocket.class);
    }

    @Override
    public Socket socketFromFd(int fd) throws IOException {
        return FileDescriptorCast.unsafeUsing(fd).as(Socket.class);
    }

    @Override
    public Socket socketFromFd(FileDescriptor fd) throws IOException {
        return FileDescriptorCast.using(fd).as(Socket.class);
    }

    @Override
    public FileDescriptor fileDescriptor(int fd) throws IOException {
        return FileDescriptorCast.unsafeUsing(fd).getFileDescriptor();
    }

    @Override
    public boolean isUnix(Socket socket) {
        return socket instanceof AFUNIXSocket;
    }

    @Override
    public void enableDescriptorReceipt(Socket socket) throws IOException {
        unix(socket).setAncillaryReceiveBufferSize(ANCILLARY_BUFFER);
    }

    @Override
    public List<FileDescriptor> receivedFileDescriptors(Socket socket) throws IOException {
        FileDescriptor[] fds = unix(socket).getReceivedFileDescriptors();
        return fds == null ? List.of() : List.of(fds);
    }

    @Override
    public void sendWithDescriptors(Socket socket, byte[] data, FileDescriptor... fds) throws IOException {
        AFUNIXSocket s = unix(socket);
        s.setOutboundFileDescriptors(fds);
        s.getOutputStream().write(data);
    }

    @Override
    public FileDescriptor descriptorOf(Socket socket) throws IOException {
        if (socket instanceof AFSocket) {
            return ((AFSocket<?>) socket).getFileDescriptor();
        }
        throw new IOException("not a junixsocket socket: " + socket);
    }

    @Override
    public void close(FileDescriptor fd) {
        try {
            new FileInputStream(fd).close();
        } catch (IOException ignored) {
            // already closed or invalid; nothing to release
        }
    }

    private static AFUNIXSocket unix(Socket socket) throws IOException {
        if (socket instanceof AFUNIXSocket) {
            return (AFUNIXSocket) socket;
        }
        throw new IOException("not a Unix-domain socket: " + socket);
    }
}
