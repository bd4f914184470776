package dev.jvtpm.daemon.process;

import dev.jvtpm.daemon.JvtpmVersion;
import dev.jvtpm.daemon.cli.Capabilities;
import dev.jvtpm.daemon.cli.SocketCommand;
import dev.jvtpm.daemon.cli.SocketConfig;
import dev.jvtpm.daemon.cli.SocketConfigParser;
import dev.jvtpm.daemon.cli.StartupType;
import dev.jvtpm.daemon.cli.StatesReport;
import dev.jvtpm.daemon.cli.UsageError;
import dev.jvtpm.daemon.ctrl.CtrlProcessor;
import dev.jvtpm.daemon.ctrl.CtrlServer;
import dev.jvtpm.daemon.data.DataChannel;
import dev.jvtpm.daemon.device.Engine;
import dev.jvtpm.daemon.device.EngineAssembly;
import dev.jvtpm.daemon.device.Vtpm;
import dev.jvtpm.daemon.log.DaemonLog;
import dev.jvtpm.daemon.log.LogSpec;
import dev.jvtpm.daemon.mssim.MssimServer;
import dev.jvtpm.daemon.transport.Endpoint;
import dev.jvtpm.daemon.transport.Listeners;
import dev.jvtpm.daemon.transport.OpenedEndpoint;
import dev.jvtpm.engine.state.StateException;
import dev.jvtpm.nativebridge.UnixSockets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code jvtpm socket} from start to exit. The order is chosen for libvirt's one-second budget:
 * the sockets are bound first, then the engine (crypto self-tests, keys, state) is assembled on
 * another thread while clients may already connect (their requests wait for it), then the pid
 * file is written. A {@code --daemon} parent returns only when this is all done.
 */
public final class SocketDaemon {
    /**
     * How long a client may stall in the middle of a message before it is dropped;
     * {@code -Djvtpm.idleTimeoutMillis=} changes it (tests use short values).
     */
    public static final int IDLE_TIMEOUT_MILLIS = Integer.getInteger("jvtpm.idleTimeoutMillis", 30_000);
    private static final DaemonLog.FdOpener FDS = fd -> UnixSockets.get().fileDescriptor(fd);

    private final SocketConfig config;
    private final DaemonLog log;
    private final Daemonizer.Report report;
    private final Termination termination = new Termination();

    private SocketDaemon(SocketConfig config, DaemonLog log, Daemonizer.Report report) {
        this.config = config;
        this.log = log;
        this.report = report;
    }

    /** Runs {@code jvtpm socket}; returns the exit code. */
    public static int run(SocketCommand.RawOptions raw) {
        Daemonizer.Report report = new Daemonizer.Report();
        try {
            SocketConfigParser.Environment env = SocketConfigParser.Environment.current();
            boolean detachingParent = raw.daemon() && !Daemonizer.isDetachedCopy();
            if (raw.runAs() != null && !detachingParent) {
                String home = PrivilegeDrop.become(raw.runAs());
                env = new SocketConfigParser.Environment(env.variables(), Path.of(home));
            }
            LogSpec logSpec = SocketConfigParser.parseLog(raw.log());
            if (raw.printCapabilities()) {
                System.out.println(Capabilities.json(JvtpmVersion.get()));
                return 0;
            }
            SocketConfig config = new SocketConfigParser(env).parse(raw);
            if (raw.printStates()) {
                if (raw.tpmstate() == null) {
                    throw new UsageError("--print-states needs --tpmstate");
                }
                try {
                    System.out.print(StatesReport.json(config.stateDir()));
                    System.out.flush();
                    return 0;
                } catch (IOException e) {
                    throw new UsageError("--print-states: " + e.getMessage());
                }
            }
            if (detachingParent) {
                return Daemonizer.detach();
            }
            DaemonLog log;
            try {
                log = DaemonLog.open(logSpec, FDS);
            } catch (IOException e) {
                throw new UsageError("--log: could not open the log: " + e.getMessage());
            }
            return new SocketDaemon(config, log, report).serve();
        } catch (UsageError e) {
            String message = "jvtpm socket: " + e.getMessage();
            report.failed(message);
            System.err.println(message);
            return 1;
        }
    }

    private int serve() {
        installSignalHandlers();
        if (config.createStateDir()) {
            try {
                Files.createDirectories(config.stateDir(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (IOException e) {
                return fail("cannot create the state directory " + config.stateDir() + ": " + e.getMessage());
            }
        }

        logConfiguration();

        // 1. Sockets first: libvirt gives the control socket one second to appear.
        List<OpenedEndpoint> opened = new ArrayList<>();
        termination.onCleanup(() -> opened.forEach(OpenedEndpoint::close));
        OpenedEndpoint ctrl;
        OpenedEndpoint data;
        OpenedEndpoint platform = null;
        try {
            ctrl = config.ctrl() == null ? null : open(config.ctrl(), opened);
            data = config.data() == null ? null : open(config.data(), opened);
            if (config.mssim()) {
                Endpoint.Tcp t = (Endpoint.Tcp) config.data();
                platform = open(new Endpoint.Tcp(t.bindAddress(), t.port() + 1, t.ifname()), opened);
            }
        } catch (IOException e) {
            return fail(e.getMessage());
        }

        // 2. The engine, assembled while clients can already connect.
        CompletableFuture<Engine> ready = new CompletableFuture<>();
        Thread assembler = new Thread(() -> {
            try {
                log.captureJavaLogging(); // java.util.logging starts slowly; not on the way to the sockets
                ready.complete(assembleAndPowerOn());
            } catch (Throwable t) {
                ready.completeExceptionally(t);
            }
        }, "jvtpm-engine");
        assembler.setDaemon(true);
        assembler.start();
        Vtpm vtpm = new Vtpm(ready, config.needInit(), config.rejectLocality4(), config.allowSetLocality(), log);
        termination.onCleanup(() -> {
            if (ready.isDone() && !ready.isCompletedExceptionally()) {
                vtpm.powerOff();
                ready.join().store().close();
            }
        });

        // 3. The channels.
        Runnable exit = () -> termination.requestExit(0);
        if (config.mssim()) {
            new MssimServer(vtpm, log, IDLE_TIMEOUT_MILLIS, exit).start(data.listener(), platform.listener());
        } else {
            DataChannel dataChannel = new DataChannel(vtpm, log, config.keepConnection(), config.terminate(),
                    IDLE_TIMEOUT_MILLIS, exit);
            if (data != null) {
                if (data.listener() != null) {
                    dataChannel.serveListener(data.listener());
                } else {
                    dataChannel.serveConnected(data.connected());
                }
            }
            if (ctrl != null) {
                UnixSockets sockets = ctrl.viaUnixSockets() ? UnixSockets.get() : null;
                CtrlProcessor processor = new CtrlProcessor(vtpm, dataChannel, sockets, log, IDLE_TIMEOUT_MILLIS);
                CtrlServer server = new CtrlServer(processor, sockets, log, exit);
                if (ctrl.listener() != null) {
                    server.serveListener(ctrl.listener());
                } else {
                    server.serveConnected(ctrl.connected());
                }
            }
        }
        if (log.enabled(DaemonLog.INFO)) {
            log.info("sockets ready " + sinceStart() + " after process start");
        }

        // 4. The pid file, once the sockets exist.
        if (config.pid() != null) {
            try {
                Path pidPath = PidFile.write(config.pid(), ProcessHandle.current().pid(), FDS);
                termination.onCleanup(() -> {
                    try {
                        Files.deleteIfExists(pidPath);
                    } catch (IOException ignored) {
                        // best effort at exit
                    }
                });
            } catch (IOException e) {
                return fail("could not write the pid file: " + e.getMessage());
            }
        }

        // 5. Wait for the engine; report to a --daemon parent; serve until asked to exit.
        try {
            ready.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            return fail(cause instanceof StateException || cause instanceof IOException ? cause.getMessage()
                    : "the TPM engine could not be started: " + cause);
        }
        if (log.enabled(DaemonLog.INFO)) {
            log.info("TPM engine ready " + sinceStart() + " after process start");
        }
        report.ready();
        int code = termination.await();
        termination.cleanup();
        return code;
    }

    private OpenedEndpoint open(Endpoint endpoint, List<OpenedEndpoint> opened) throws IOException {
        OpenedEndpoint e = Listeners.open(endpoint, UnixSockets::get);
        opened.add(e);
        return e;
    }

    private Engine assembleAndPowerOn() throws StateException {
        Engine e = EngineAssembly.assemble(config, log, FDS);
        if (!config.needInit()) {
            e.store().lock();
            e.tpm().init(false);
            log.info("TPM powered on at start (not-need-init)");
            if (config.startup() != StartupType.NONE) {
                int rc = e.tpm().startup(config.startup().su());
                if (rc != 0) {
                    log.error("TPM2_Startup(" + config.startup() + ") at start returned 0x"
                            + Integer.toHexString(rc) + "; the TPM keeps running without it");
                } else {
                    log.info("TPM2_Startup(" + config.startup() + ") sent at start");
                }
            }
        }
        return e;
    }

    private void logConfiguration() {
        if (!log.enabled(DaemonLog.INFO)) {
            return;
        }
        log.info("jvtpm " + JvtpmVersion.get() + " (pid " + ProcessHandle.current().pid() + ")");
        config.describe().forEach(log::info);
        log.info("no seccomp syscall filter is installed (--seccomp action=" + config.seccompAction()
                + " accepted for compatibility)");
    }

    private static String sinceStart() {
        return ProcessHandle.current().info().startInstant()
                .map(s -> Duration.between(s, Instant.now()).toMillis() + " ms").orElse("?");
    }

    private int fail(String message) {
        log.error("jvtpm socket: " + message);
        if (config.log().target() != LogSpec.Target.STDERR) {
            System.err.println("jvtpm socket: " + message); // a fatal error is also shown where it was started
        }
        report.failed("jvtpm socket: " + message);
        termination.cleanup();
        return 1;
    }

    /** SIGTERM/SIGINT end the daemon in order (exit 0, like swtpm), not through the JVM's default 143. */
    private void installSignalHandlers() {
        termination.installShutdownHook();
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), s -> termination.requestExit(0));
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), s -> termination.requestExit(0));
        } catch (IllegalArgumentException | LinkageError e) {
            // the shutdown hook still cleans up
        }
    }
}
