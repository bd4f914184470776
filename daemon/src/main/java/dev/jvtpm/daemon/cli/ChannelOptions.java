package dev.jvtpm.daemon.cli;

import static dev.jvtpm.daemon.cli.SubOptions.param;

import dev.jvtpm.daemon.cli.SubOptions.Param;
import dev.jvtpm.daemon.cli.SubOptions.Type;
import dev.jvtpm.daemon.transport.Endpoint;
import dev.jvtpm.daemon.transport.InheritedFd;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --server}, {@code -p}, {@code -f} and {@code --ctrl}, with swtpm 0.7.1's parameters,
 * defaults and checks (common.c: parse_server_options, parse_ctrlchannel_options).
 */
final class ChannelOptions {
    private static final int DEFAULT_SOCKET_MODE = 0770;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern LEADING_INT = Pattern.compile("^\\s*([+-]?\\d+)");

    private static final Param[] SERVER = {
        param("type", Type.STRING), param("path", Type.STRING), param("port", Type.INT),
        param("bindaddr", Type.STRING), param("ifname", Type.STRING), param("fd", Type.INT),
        param("disconnect", Type.BOOLEAN), param("mode", Type.MODE), param("uid", Type.UID), param("gid", Type.GID),
    };
    private static final Param[] CTRL = {
        param("type", Type.STRING), param("path", Type.STRING), param("port", Type.INT),
        param("bindaddr", Type.STRING), param("ifname", Type.STRING), param("fd", Type.INT),
        param("clientfd", Type.INT), param("mode", Type.MODE), param("uid", Type.UID), param("gid", Type.GID),
    };

    private ChannelOptions() {}

    /**
     * The data channel as the options give it.
     *
     * @param endpoint null when no data option was given
     * @param keepConnection false with {@code disconnect} (and {@code -p})
     * @param impliesTerminate an inherited connected socket ends the daemon when it closes
     */
    record Data(Endpoint endpoint, boolean keepConnection, boolean impliesTerminate) {}

    /**
     * @param portOverride {@code -p}'s port, which swtpm also puts in TPM_PORT for --server
     * @param tpmPort the TPM_PORT environment variable
     */
    static Data data(String server, String portOverride, String fd, String tpmPort) throws UsageError {
        if (fd != null) {
            if (server != null) {
                throw new UsageError("-f/--fd and --server cannot be combined");
            }
            int f = parseFd("-f/--fd", fd);
            if (f < 3) {
                throw new UsageError("-f/--fd: cannot accept file descriptors with values 0, 1, or 2");
            }
            InheritedFd.Kind k = InheritedFd.kind(f);
            if (k == InheritedFd.Kind.CLOSED) {
                throw new UsageError("-f/--fd: file descriptor " + f + " is not open");
            }
            if (k == InheritedFd.Kind.REGULAR_FILE || k == InheritedFd.Kind.DIRECTORY) {
                throw new UsageError("-f/--fd: file descriptor " + f + " is of an unsupported type (" + k + ")");
            }
            return new Data(new Endpoint.ConnectedFd(f), true, true);
        }
        if (server == null && portOverride == null) {
            return new Data(null, true, false);
        }
        SubOptions o = SubOptions.parse("--server", server != null ? server : "type=tcp,disconnect", SERVER);
        boolean keep = !o.bool("disconnect", false);
        String type = o.string("type", "tcp");
        if (type.equals("unixio")) {
            int f = o.integer("fd", -1);
            String path = o.string("path", null);
            if (f >= 0) {
                requireSocket("--server", f);
                return new Data(new Endpoint.ListeningFd(f), keep, false);
            }
            if (path == null) {
                throw new UsageError("--server: type=unixio needs path= or fd=");
            }
            return new Data(unix("--server", o, path), keep, false);
        }
        if (!type.equals("tcp")) {
            throw new UsageError("--server: unsupported socket type '" + type + "' (tcp or unixio)");
        }
        int f = o.integer("fd", -1);
        if (f >= 0) {
            requireSocket("--server", f);
            return new Data(new Endpoint.ConnectedFd(f), keep, true);
        }
        int p = o.integer("port", -1);
        if (!o.has("port")) {
            String envPort = portOverride != null ? portOverride : tpmPort;
            p = envPort == null ? -1 : leadingInt(envPort);
        }
        if (p < 0) {
            throw new UsageError("--server: no valid port number provided for the TCP socket (give port= or set TPM_PORT)");
        }
        if (p >= 0x10000) {
            throw new UsageError("--server: TCP port " + p + " outside valid range");
        }
        return new Data(tcp("--server", o, p), keep, false);
    }

    static Endpoint ctrl(String text) throws UsageError {
        SubOptions o = SubOptions.parse("--ctrl", text, CTRL);
        String type = o.string("type", null);
        if (type == null) {
            throw new UsageError("--ctrl: missing type= (unixio or tcp)");
        }
        if (type.equals("unixio")) {
            int f = o.integer("fd", -1);
            int cf = o.integer("clientfd", -1);
            String path = o.string("path", null);
            if (f >= 0) {
                requireSocket("--ctrl", f);
                return new Endpoint.ListeningFd(f);
            }
            if (cf >= 0) {
                requireSocket("--ctrl", cf);
                return new Endpoint.ConnectedFd(cf);
            }
            if (path == null) {
                throw new UsageError("--ctrl: type=unixio needs path=, fd= or clientfd=");
            }
            return unix("--ctrl", o, path);
        }
        if (!type.equals("tcp")) {
            throw new UsageError("--ctrl: unsupported type '" + type + "' (unixio or tcp)");
        }
        int f = o.integer("fd", -1);
        int p = o.integer("port", -1);
        if (f >= 0) {
            requireSocket("--ctrl", f);
            return new Endpoint.ListeningFd(f);
        }
        if (p < 0) {
            throw new UsageError("--ctrl: type=tcp needs port= or fd=");
        }
        if (p >= 0x10000) {
            throw new UsageError("--ctrl: TCP port " + p + " outside valid range");
        }
        return tcp("--ctrl", o, p);
    }

    /** A port number given on its own (-p, TPM_PORT for the defaults). */
    static int port(String option, String text) throws UsageError {
        try {
            int p = Integer.parseInt(text.trim());
            if (p < 0 || p >= 0x10000) {
                throw new UsageError(option + ": port " + p + " outside valid range");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new UsageError(option + ": cannot parse port '" + text + "'");
        }
    }

    private static Endpoint.Tcp tcp(String option, SubOptions o, int port) throws UsageError {
        String bindaddr = o.string("bindaddr", "127.0.0.1");
        if (!bindaddr.contains(":") && !IPV4.matcher(bindaddr).matches()) {
            throw new UsageError(option + ": could not parse the bind address '" + bindaddr
                    + "' (a numeric IPv4 or IPv6 address)");
        }
        return new Endpoint.Tcp(bindaddr, port, o.string("ifname", null));
    }

    /** sun_path holds 108 bytes including the terminating NUL. */
    private static Endpoint.Unix unix(String option, SubOptions o, String path) throws UsageError {
        if (path.getBytes(StandardCharsets.UTF_8).length >= 108) {
            throw new UsageError(option + ": path for the UnixIO socket is too long (at most 107 bytes): " + path);
        }
        return new Endpoint.Unix(Path.of(path), o.mode("mode", DEFAULT_SOCKET_MODE), o.owner("uid"), o.owner("gid"));
    }

    private static void requireSocket(String option, int fd) throws UsageError {
        if (InheritedFd.kind(fd) != InheritedFd.Kind.SOCKET) {
            throw new UsageError(option + ": bad file descriptor " + fd + " (not an open socket)");
        }
    }

    private static int parseFd(String option, String text) throws UsageError {
        try {
            long v = Long.parseLong(text);
            if (v < 0 || v > Integer.MAX_VALUE) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new UsageError(option + ": cannot parse file descriptor '" + text + "'");
        }
    }

    /** swtpm reads TPM_PORT with sscanf("%d"): leading digits count. */
    private static int leadingInt(String text) {
        Matcher m = LEADING_INT.matcher(text);
        if (!m.find()) {
            return -1;
        }
        try {
            return Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
