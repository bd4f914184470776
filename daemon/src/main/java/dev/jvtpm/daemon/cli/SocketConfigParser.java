package dev.jvtpm.daemon.cli;

import static dev.jvtpm.daemon.cli.SubOptions.param;

import dev.jvtpm.daemon.cli.SubOptions.Param;
import dev.jvtpm.daemon.cli.SubOptions.Type;
import dev.jvtpm.daemon.log.LogSpec;
import dev.jvtpm.daemon.process.PidSpec;
import dev.jvtpm.daemon.transport.Endpoint;
import dev.jvtpm.daemon.transport.InheritedFd;
import dev.jvtpm.engine.state.KeyMaterial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns swtpm-style option strings into a {@link SocketConfig}, with swtpm 0.7.1's parameter
 * names, defaults and checks (see its common.c), plus jvtpm's embedded defaults when neither
 * {@code --server} nor {@code --ctrl} is given.
 */
public final class SocketConfigParser {
    /** tcti-swtpm's and tcti-mssim's default data port; the control/platform port is the next one. */
    public static final int DEFAULT_PORT = 2321;
    private static final int DEFAULT_SOCKET_MODE = 0770;
    private static final int DEFAULT_STATE_FILE_MODE = 0640;

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
    private static final Param[] TPMSTATE = {
        param("dir", Type.STRING), param("mode", Type.MODE), param("backend-uri", Type.STRING),
    };
    private static final Param[] KEY = {
        param("file", Type.STRING), param("mode", Type.STRING), param("format", Type.STRING),
        param("remove", Type.BOOLEAN), param("pwdfile", Type.STRING), param("kdf", Type.STRING),
        param("fd", Type.INT), param("pwdfd", Type.INT),
    };
    private static final Param[] PID = {param("file", Type.STRING), param("fd", Type.INT)};
    private static final Param[] LOG = {
        param("file", Type.STRING), param("fd", Type.INT), param("level", Type.UINT),
        param("prefix", Type.STRING), param("truncate", Type.BOOLEAN),
    };
    private static final Param[] LOCALITY = {
        param("reject-locality-4", Type.BOOLEAN), param("allow-set-locality", Type.BOOLEAN),
    };
    private static final Param[] FLAGS = {
        param("not-need-init", Type.BOOLEAN), param("startup-none", Type.BOOLEAN),
        param("startup-clear", Type.BOOLEAN), param("startup-state", Type.BOOLEAN),
        param("startup-deactivated", Type.BOOLEAN),
    };
    private static final Param[] SECCOMP = {param("action", Type.STRING)};

    /** The process environment the defaults come from. */
    public record Environment(Map<String, String> variables, Path home) {
        public static Environment current() {
            String home = System.getenv("HOME");
            return new Environment(System.getenv(), Path.of(home != null && !home.isEmpty() ? home
                    : System.getProperty("user.home")));
        }

        String get(String name) {
            String v = variables.get(name);
            return v == null || v.isEmpty() ? null : v;
        }

        /** An XDG base directory: the variable when set to an absolute path, else the fallback under $HOME. */
        Path xdg(String variable, String fallback) {
            String v = get(variable);
            if (v != null && Path.of(v).isAbsolute()) {
                return Path.of(v);
            }
            return home.resolve(fallback);
        }
    }

    private final Environment env;

    public SocketConfigParser(Environment env) {
        this.env = env;
    }

    /** The default state directory and key file, where the embedded defaults keep them. */
    public Path defaultStateDir() {
        return env.xdg("XDG_DATA_HOME", ".local/share").resolve("jvtpm").resolve("default");
    }

    public Path defaultKeyFile() {
        return env.xdg("XDG_CONFIG_HOME", ".config").resolve("jvtpm").resolve("state.key");
    }

    /** {@code --log} alone: swtpm handles it before anything else, even --print-capabilities. */
    public static LogSpec parseLog(String text) throws UsageError {
        if (text == null) {
            return LogSpec.stderr();
        }
        SubOptions o = SubOptions.parse("--log", text, LOG);
        long level = o.unsigned("level", 0);
        if (level == 0) {
            level = 1;
        }
        if (level > Integer.MAX_VALUE) {
            throw new UsageError("--log: level " + level + " is too large");
        }
        String prefix = o.string("prefix", null);
        String file = o.string("file", null);
        boolean truncate = o.bool("truncate", false);
        if (file != null) {
            if (file.equals("-")) {
                return new LogSpec(LogSpec.Target.OFF, null, -1, (int) level, prefix, false);
            }
            return new LogSpec(LogSpec.Target.FILE, Path.of(file), -1, (int) level, prefix, truncate);
        }
        int fd = o.integer("fd", -1);
        if (fd >= 0) {
            return new LogSpec(LogSpec.Target.FD, null, fd, (int) level, prefix, false);
        }
        return new LogSpec(LogSpec.Target.STDERR, null, -1, (int) level, prefix, false);
    }

    public SocketConfig parse(SocketCommand.RawOptions raw) throws UsageError {
        LogSpec log = parseLog(raw.log());
        boolean embedded = raw.server() == null && raw.port() == null && raw.fd() == null && raw.ctrl() == null;

        // Data channel.
        String portOverride = raw.port();
        if (portOverride != null) {
            int p = parsePort("-p/--port", portOverride);
            portOverride = Integer.toString(p);
        }
        Endpoint data = null;
        boolean keepConnection = true;
        boolean terminate = raw.terminate();
        if (raw.fd() != null) {
            if (raw.server() != null) {
                throw new UsageError("-f/--fd and --server cannot be combined");
            }
            int f = parseFd("-f/--fd", raw.fd());
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
            data = new Endpoint.ConnectedFd(f);
            terminate = true;
        } else if (raw.server() != null || portOverride != null) {
            String text = raw.server() != null ? raw.server() : "type=tcp,disconnect";
            SubOptions o = SubOptions.parse("--server", text, SERVER);
            keepConnection = !o.bool("disconnect", false);
            String type = o.string("type", "tcp");
            if (type.equals("unixio")) {
                int f = o.integer("fd", -1);
                String path = o.string("path", null);
                if (f >= 0) {
                    requireSocket("--server", f);
                    data = new Endpoint.ListeningFd(f);
                } else if (path != null) {
                    data = new Endpoint.Unix(unixPath("--server", path), o.mode("mode", DEFAULT_SOCKET_MODE),
                            o.owner("uid"), o.owner("gid"));
                } else {
                    throw new UsageError("--server: type=unixio needs path= or fd=");
                }
            } else if (type.equals("tcp")) {
                int f = o.integer("fd", -1);
                if (f >= 0) {
                    requireSocket("--server", f);
                    data = new Endpoint.ConnectedFd(f);
                    terminate = true;
                } else {
                    int p = o.integer("port", -1);
                    if (!o.has("port")) {
                        String envPort = portOverride != null ? portOverride : env.get("TPM_PORT");
                        p = envPort == null ? -1 : parsePortLenient(envPort);
                    }
                    if (p < 0) {
                        throw new UsageError("--server: no valid port number provided for the TCP socket "
                                + "(give port= or set TPM_PORT)");
                    }
                    if (p >= 0x10000) {
                        throw new UsageError("--server: TCP port " + p + " outside valid range");
                    }
                    data = tcp("--server", o, p);
                }
            } else {
                throw new UsageError("--server: unsupported socket type '" + type + "' (tcp or unixio)");
            }
        }

        // Control channel.
        Endpoint ctrl = null;
        if (raw.ctrl() != null) {
            if (raw.mssim()) {
                throw new UsageError("--ctrl cannot be used with --mssim (the platform port is the data port + 1)");
            }
            SubOptions o = SubOptions.parse("--ctrl", raw.ctrl(), CTRL);
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
                    ctrl = new Endpoint.ListeningFd(f);
                } else if (cf >= 0) {
                    requireSocket("--ctrl", cf);
                    ctrl = new Endpoint.ConnectedFd(cf);
                } else if (path != null) {
                    ctrl = new Endpoint.Unix(unixPath("--ctrl", path), o.mode("mode", DEFAULT_SOCKET_MODE),
                            o.owner("uid"), o.owner("gid"));
                } else {
                    throw new UsageError("--ctrl: type=unixio needs path=, fd= or clientfd=");
                }
            } else if (type.equals("tcp")) {
                int f = o.integer("fd", -1);
                int p = o.integer("port", -1);
                if (f >= 0) {
                    requireSocket("--ctrl", f);
                    ctrl = new Endpoint.ListeningFd(f);
                } else if (p >= 0) {
                    if (p >= 0x10000) {
                        throw new UsageError("--ctrl: TCP port " + p + " outside valid range");
                    }
                    ctrl = tcp("--ctrl", o, p);
                } else {
                    throw new UsageError("--ctrl: type=tcp needs port= or fd=");
                }
            } else {
                throw new UsageError("--ctrl: unsupported type '" + type + "' (unixio or tcp)");
            }
        }

        if (raw.mssim()) {
            if (data == null) {
                String envPort = env.get("TPM_PORT");
                data = new Endpoint.Tcp("127.0.0.1", envPort == null ? DEFAULT_PORT : parsePort("TPM_PORT", envPort), null);
            }
            if (!(data instanceof Endpoint.Tcp)) {
                throw new UsageError("--mssim needs a TCP listener (--server type=tcp,port=N)");
            }
            if (((Endpoint.Tcp) data).port() >= 0xFFFF) {
                throw new UsageError("--mssim: the platform port (port + 1) would be outside the valid range");
            }
        } else if (embedded) {
            String envPort = env.get("TPM_PORT");
            int p = envPort == null ? DEFAULT_PORT : parsePort("TPM_PORT", envPort);
            if (p >= 0xFFFF) {
                throw new UsageError("TPM_PORT " + p + ": the control port (port + 1) would be outside the valid range");
            }
            data = new Endpoint.Tcp("127.0.0.1", p, null);
            ctrl = new Endpoint.Tcp("127.0.0.1", p + 1, null);
        }

        // State.
        Path stateDir;
        boolean createStateDir = false;
        int fileMode = DEFAULT_STATE_FILE_MODE;
        if (raw.tpmstate() != null) {
            SubOptions o = SubOptions.parse("--tpmstate", raw.tpmstate(), TPMSTATE);
            fileMode = o.mode("mode", DEFAULT_STATE_FILE_MODE);
            String dir = o.string("dir", null);
            String uri = o.string("backend-uri", null);
            if (dir != null) {
                stateDir = Path.of(dir);
            } else if (uri != null) {
                if (uri.startsWith("dir://")) {
                    stateDir = Path.of(uri.substring("dir://".length()));
                } else if (uri.startsWith("file://")) {
                    throw new UsageError("--tpmstate: the file:// backend is not supported by jvtpm (use dir://)");
                } else {
                    throw new UsageError("--tpmstate: unsupported backend-uri '" + uri + "' (dir://DIR)");
                }
            } else {
                throw new UsageError("--tpmstate: dir= or backend-uri= is required");
            }
        } else if (env.get("TPM_PATH") != null) {
            stateDir = Path.of(env.get("TPM_PATH"));
        } else {
            stateDir = defaultStateDir();
            createStateDir = true;
        }
        if (!createStateDir && !Files.isDirectory(stateDir)) {
            throw new UsageError("--tpmstate: state directory " + stateDir + " does not exist");
        }

        KeySource key = raw.key() == null ? null : parseKey("--key", raw.key());
        KeySource migrationKey = raw.migrationKey() == null ? null : parseKey("--migration-key", raw.migrationKey());
        PidSpec pid = raw.pid() == null ? null : parsePid(raw.pid());

        boolean rejectLocality4 = false;
        boolean allowSetLocality = false;
        if (raw.locality() != null) {
            SubOptions o = SubOptions.parse("--locality", raw.locality(), LOCALITY);
            rejectLocality4 = o.bool("reject-locality-4", false);
            allowSetLocality = o.bool("allow-set-locality", false);
        }

        boolean needInit = !(embedded && !raw.mssim());
        StartupType startup = needInit ? StartupType.NONE : StartupType.CLEAR;
        if (raw.flags() != null) {
            SubOptions o = SubOptions.parse("--flags", raw.flags(), FLAGS);
            needInit = !o.bool("not-need-init", false);
            if (o.bool("startup-clear", false)) {
                startup = StartupType.CLEAR;
            } else if (o.bool("startup-state", false)) {
                startup = StartupType.STATE;
            } else if (o.bool("startup-deactivated", false)) {
                throw new UsageError("--flags: startup-deactivated is only supported by a TPM 1.2");
            } else {
                startup = StartupType.NONE;
            }
            if (startup != StartupType.NONE) {
                needInit = false;
            }
        }

        String seccomp = "kill";
        if (raw.seccomp() != null) {
            SubOptions o = SubOptions.parse("--seccomp", raw.seccomp(), SECCOMP);
            seccomp = o.string("action", "kill");
            if (!seccomp.equals("kill") && !seccomp.equals("log") && !seccomp.equals("none")) {
                throw new UsageError("--seccomp: unsupported action '" + seccomp + "' (none, kill or log)");
            }
        }

        return new SocketConfig(data, keepConnection, terminate, ctrl, raw.mssim(), stateDir, createStateDir,
                fileMode, key, defaultKeyFile(), migrationKey, pid, log, rejectLocality4, allowSetLocality,
                needInit, startup, raw.daemon(), raw.runAs(), seccomp, embedded && !raw.mssim());
    }

    private static Endpoint.Tcp tcp(String option, SubOptions o, int port) throws UsageError {
        String bindaddr = o.string("bindaddr", "127.0.0.1");
        String ifname = o.string("ifname", null);
        if (!bindaddr.contains(":") && !bindaddr.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new UsageError(option + ": could not parse the bind address '" + bindaddr
                    + "' (a numeric IPv4 or IPv6 address)");
        }
        return new Endpoint.Tcp(bindaddr, port, ifname);
    }

    /** sun_path holds 108 bytes including the terminating NUL. */
    private static Path unixPath(String option, String path) throws UsageError {
        if (path.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= 108) {
            throw new UsageError(option + ": path for the UnixIO socket is too long (at most 107 bytes): " + path);
        }
        return Path.of(path);
    }

    private static void requireSocket(String option, int fd) throws UsageError {
        if (InheritedFd.kind(fd) != InheritedFd.Kind.SOCKET) {
            throw new UsageError(option + ": bad file descriptor " + fd + " (not an open socket)");
        }
    }

    private KeySource parseKey(String option, String text) throws UsageError {
        SubOptions o = SubOptions.parse(option, text, KEY);
        String file = o.string("file", null);
        int fd = o.integer("fd", -1);
        String pwdfile = o.string("pwdfile", null);
        int pwdfd = o.integer("pwdfd", -1);
        if (file == null && fd == -1 && pwdfile == null && pwdfd == -1) {
            throw new UsageError(option + ": one of file=, fd=, pwdfile= or pwdfd= is required");
        }
        String formatName = o.string("format", "hex");
        KeyMaterial.Format format;
        if (formatName.equals("hex")) {
            format = KeyMaterial.Format.HEX;
        } else if (formatName.equals("binary")) {
            format = KeyMaterial.Format.BINARY;
        } else {
            throw new UsageError(option + ": unknown key format '" + formatName + "' (hex or binary)");
        }
        String mode = o.string("mode", "aes-128-cbc");
        int keyBytes;
        if (mode.equals("aes-cbc") || mode.equals("aes-128-cbc")) {
            keyBytes = 16;
        } else if (mode.equals("aes-256-cbc")) {
            keyBytes = 32;
        } else {
            throw new UsageError(option + ": unknown encryption mode '" + mode
                    + "' (aes-cbc, aes-128-cbc or aes-256-cbc)");
        }
        String kdfName = o.string("kdf", "pbkdf2");
        KeyMaterial.PassphraseKdf kdf;
        if (kdfName.equals("pbkdf2")) {
            kdf = KeyMaterial.PassphraseKdf.PBKDF2;
        } else if (kdfName.equals("sha512")) {
            kdf = KeyMaterial.PassphraseKdf.SHA512;
        } else {
            throw new UsageError(option + ": unknown kdf '" + kdfName + "' (pbkdf2 or sha512)");
        }
        boolean remove = o.bool("remove", false);
        if (file != null) {
            return new KeySource(KeySource.Kind.FILE, Path.of(file), -1, format, keyBytes, kdf, remove);
        }
        if (fd >= 0) {
            requireOpen(option, fd);
            return new KeySource(KeySource.Kind.FD, null, fd, format, keyBytes, kdf, remove);
        }
        if (pwdfile != null) {
            return new KeySource(KeySource.Kind.PASSPHRASE_FILE, Path.of(pwdfile), -1, format, keyBytes, kdf, remove);
        }
        if (pwdfd < 0) {
            throw new UsageError(option + ": invalid pwdfd " + pwdfd);
        }
        requireOpen(option, pwdfd);
        return new KeySource(KeySource.Kind.PASSPHRASE_FD, null, pwdfd, format, keyBytes, kdf, remove);
    }

    private static void requireOpen(String option, int fd) throws UsageError {
        if (InheritedFd.kind(fd) == InheritedFd.Kind.CLOSED) {
            throw new UsageError(option + ": file descriptor " + fd + " is not open");
        }
    }

    private static PidSpec parsePid(String text) throws UsageError {
        SubOptions o = SubOptions.parse("--pid", text, PID);
        String file = o.string("file", null);
        int fd = o.integer("fd", -1);
        if (file == null && fd < 0) {
            throw new UsageError("--pid: file= or fd= is required");
        }
        if (file != null) {
            return new PidSpec(Path.of(file), -1);
        }
        if (InheritedFd.kind(fd) != InheritedFd.Kind.REGULAR_FILE) {
            throw new UsageError("--pid: bad file descriptor " + fd + " for the pid file (not an open regular file)");
        }
        return new PidSpec(null, fd);
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

    private static int parsePort(String option, String text) throws UsageError {
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

    /** swtpm reads TPM_PORT with sscanf("%d"): leading digits count. */
    private static int parsePortLenient(String text) {
        var m = java.util.regex.Pattern.compile("^\\s*([+-]?\\d+)").matcher(text);
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
