package dev.jvtpm.daemon.cli;

import static dev.jvtpm.daemon.cli.SubOptions.param;

import dev.jvtpm.daemon.cli.SubOptions.Param;
import dev.jvtpm.daemon.cli.SubOptions.Type;
import dev.jvtpm.daemon.log.LogSpec;
import dev.jvtpm.daemon.process.PidSpec;
import dev.jvtpm.daemon.transport.Endpoint;
import dev.jvtpm.daemon.transport.InheritedFd;
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
    private static final int DEFAULT_STATE_FILE_MODE = 0640;

    private static final Param[] TPMSTATE = {
        param("dir", Type.STRING), param("mode", Type.MODE), param("backend-uri", Type.STRING),
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
        String portOverride = raw.port() == null ? null : Integer.toString(ChannelOptions.port("-p/--port", raw.port()));
        ChannelOptions.Data dataChoice = ChannelOptions.data(raw.server(), portOverride, raw.fd(), env.get("TPM_PORT"));
        Endpoint data = dataChoice.endpoint();
        boolean keepConnection = dataChoice.keepConnection();
        boolean terminate = raw.terminate() || dataChoice.impliesTerminate();

        // Control channel.
        Endpoint ctrl = null;
        if (raw.ctrl() != null) {
            if (raw.mssim()) {
                throw new UsageError("--ctrl cannot be used with --mssim (the platform port is the data port + 1)");
            }
            ctrl = ChannelOptions.ctrl(raw.ctrl());
        }

        if (raw.mssim()) {
            if (data == null) {
                String envPort = env.get("TPM_PORT");
                data = new Endpoint.Tcp("127.0.0.1", envPort == null ? DEFAULT_PORT : ChannelOptions.port("TPM_PORT", envPort), null);
            }
            if (!(data instanceof Endpoint.Tcp)) {
                throw new UsageError("--mssim needs a TCP listener (--server type=tcp,port=N)");
            }
            if (((Endpoint.Tcp) data).port() >= 0xFFFF) {
                throw new UsageError("--mssim: the platform port (port + 1) would be outside the valid range");
            }
        } else if (embedded) {
            String envPort = env.get("TPM_PORT");
            int p = envPort == null ? DEFAULT_PORT : ChannelOptions.port("TPM_PORT", envPort);
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

        KeySource key = raw.key() == null ? null : KeyOptions.parse("--key", raw.key());
        KeySource migrationKey = raw.migrationKey() == null ? null
                : KeyOptions.parse("--migration-key", raw.migrationKey());
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

}
