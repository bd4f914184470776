package dev.jvtpm.daemon.log;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The daemon's log, with swtpm's levels: 1 (the default) errors and warnings, 2 the effective
 * configuration and lifecycle events, 3 connection events, 20 and above every byte on the
 * control and data channels. Each line is written with one write, prefixed with the
 * {@code prefix=} of {@code --log}.
 */
public final class DaemonLog {
    public static final int ERROR = 1;
    public static final int INFO = 2;
    public static final int DEBUG = 3;
    public static final int BYTES = 20;

    private final OutputStream out;
    private final int level;
    private final String prefix;

    private DaemonLog(OutputStream out, int level, String prefix) {
        this.out = out;
        this.level = level;
        this.prefix = prefix == null ? "" : prefix;
    }

    /** A log that drops everything. */
    public static DaemonLog off() {
        return new DaemonLog(null, 0, null);
    }

    /** Logs to stderr at level 1. */
    public static DaemonLog stderr() {
        return new DaemonLog(new FileOutputStream(FileDescriptor.err), ERROR, null);
    }

    /**
     * Opens the log as {@code spec} says. A log file is opened O_APPEND (or truncated with
     * {@code truncate}), O_NOFOLLOW, created mode 0600, as swtpm does.
     *
     * @param fdOpener turns an inherited descriptor number into a writable descriptor
     */
    public static DaemonLog open(LogSpec spec, FdOpener fdOpener) throws IOException {
        switch (spec.target()) {
            case OFF:
                return off();
            case STDERR:
                return new DaemonLog(new FileOutputStream(FileDescriptor.err), spec.level(), spec.prefix());
            case FILE: {
                Set<OpenOption> opts = new HashSet<>();
                opts.add(StandardOpenOption.CREATE);
                opts.add(StandardOpenOption.WRITE);
                opts.add(LinkOption.NOFOLLOW_LINKS);
                opts.add(spec.truncate() ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND);
                FileChannel ch = FileChannel.open(spec.file(), opts,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                return new DaemonLog(Channels.newOutputStream(ch), spec.level(), spec.prefix());
            }
            case FD:
                return new DaemonLog(new FileOutputStream(fdOpener.open(spec.fd())), spec.level(), spec.prefix());
            default:
                throw new AssertionError(spec.target());
        }
    }

    /** Opens inherited descriptors (native code lives in native-bridge). */
    public interface FdOpener {
        FileDescriptor open(int fd) throws IOException;
    }

    public boolean enabled(int atLevel) {
        return out != null && level >= atLevel;
    }

    public int level() {
        return level;
    }

    public void error(String message) {
        log(ERROR, message);
    }

    public void info(String message) {
        log(INFO, message);
    }

    public void debug(String message) {
        log(DEBUG, message);
    }

    public void log(int atLevel, String message) {
        if (!enabled(atLevel)) {
            return;
        }
        write(prefix + message + "\n");
    }

    /** Hex dump of {@code len} bytes, 16 per line, as swtpm's SWTPM_PrintAll lays them out. */
    public void dump(String label, byte[] data, int off, int len) {
        if (!enabled(BYTES)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        sb.append(prefix).append(label).append(" length ").append(len).append('\n');
        for (int i = 0; i < len; i++) {
            if (i % 16 == 0) {
                if (i > 0) {
                    sb.append('\n');
                }
                sb.append(prefix).append(' ');
            }
            sb.append(String.format("%02X ", data[off + i] & 0xFF));
        }
        sb.append('\n');
        write(sb.toString());
    }

    private synchronized void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException ignored) {
            // A log that cannot be written must not take the TPM down with it.
        }
    }

    /**
     * Routes java.util.logging (the engine logs internal errors there) into this log:
     * SEVERE and WARNING at level 1, INFO at 2, finer at 3; and removes the JDK's console handler.
     */
    public void captureJavaLogging() {
        Logger root = Logger.getLogger("");
        for (Handler h : root.getHandlers()) {
            root.removeHandler(h);
        }
        root.addHandler(new Handler() {
            @Override
            public void publish(LogRecord r) {
                int at = r.getLevel().intValue() >= Level.WARNING.intValue() ? ERROR
                        : r.getLevel().intValue() >= Level.INFO.intValue() ? INFO : DEBUG;
                if (!enabled(at)) {
                    return;
                }
                String msg = r.getMessage();
                if (r.getThrown() != null) {
                    msg += ": " + r.getThrown();
                }
                log(at, r.getLoggerName() + ": " + msg);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }
}
