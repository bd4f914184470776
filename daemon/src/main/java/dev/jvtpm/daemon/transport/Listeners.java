package dev.jvtpm.daemon.transport;

import dev.jvtpm.nativebridge.UnixSockets;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Opens endpoints the way swtpm does: TCP listeners with SO_REUSEADDR and a backlog of 1 (one
 * client at a time; the next waits in the backlog), Unix listeners at a path that is unlinked
 * first, chmod'ed to the mode and chown'ed after bind, or inherited descriptors. TCP uses the
 * JDK so a TCP-only daemon never loads native code.
 */
public final class Listeners {
    private static final int BACKLOG = 1;

    private Listeners() {}

    public static OpenedEndpoint open(Endpoint endpoint, Supplier<UnixSockets> sockets) throws IOException {
        if (endpoint instanceof Endpoint.Tcp) {
            Endpoint.Tcp t = (Endpoint.Tcp) endpoint;
            ServerSocket server = new ServerSocket();
            try {
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(address(t), t.port()), BACKLOG);
            } catch (IOException e) {
                server.close();
                throw new IOException("could not open " + t.describe() + ": " + e.getMessage(), e);
            }
            return new OpenedEndpoint(endpoint, server, null, null, false);
        }
        if (endpoint instanceof Endpoint.Unix) {
            Endpoint.Unix u = (Endpoint.Unix) endpoint;
            ServerSocket server;
            try {
                server = sockets.get().listen(u.path(), BACKLOG);
            } catch (IOException e) {
                throw new IOException("could not open UnixIO socket " + u.path() + ": " + e.getMessage(), e);
            }
            try {
                Files.setPosixFilePermissions(u.path(), permissions(u.mode()));
                if (u.uid() != null) {
                    Files.setAttribute(u.path(), "unix:uid", u.uid(), LinkOption.NOFOLLOW_LINKS);
                }
                if (u.gid() != null) {
                    Files.setAttribute(u.path(), "unix:gid", u.gid(), LinkOption.NOFOLLOW_LINKS);
                }
            } catch (IOException | RuntimeException e) {
                server.close();
                Files.deleteIfExists(u.path());
                throw new IOException("could not set mode/ownership of UnixIO socket " + u.path() + ": " + e, e);
            }
            return new OpenedEndpoint(endpoint, server, null, u.path(), true);
        }
        if (endpoint instanceof Endpoint.ListeningFd) {
            int fd = ((Endpoint.ListeningFd) endpoint).fd();
            return new OpenedEndpoint(endpoint, sockets.get().serverSocketFromFd(fd), null, null, true);
        }
        int fd = ((Endpoint.ConnectedFd) endpoint).fd();
        return new OpenedEndpoint(endpoint, null, sockets.get().socketFromFd(fd), null, true);
    }

    private static InetAddress address(Endpoint.Tcp t) throws IOException {
        InetAddress a = InetAddress.getByName(t.bindAddress());
        if (a instanceof Inet6Address && a.isLinkLocalAddress() && ((Inet6Address) a).getScopeId() == 0) {
            if (t.ifname() == null) {
                throw new IOException("missing interface name (ifname=) for link-local address " + t.bindAddress());
            }
            NetworkInterface nif = NetworkInterface.getByName(t.ifname());
            if (nif == null) {
                throw new IOException("unknown interface '" + t.ifname() + "'");
            }
            return Inet6Address.getByAddress(null, a.getAddress(), nif);
        }
        return a;
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE
        for (int i = 0; i < 9; i++) {
            if ((mode & (0400 >> i)) != 0) {
                s.add(bits[i]);
            }
        }
        return s;
    }
}
