package dev.jvtpm.daemon.log;

import java.nio.file.Path;

/**
 * Where the log goes ({@code --log file=|fd=,level=,prefix=,truncate}); swtpm's default is
 * stderr at level 1, and {@code file=-} turns logging off.
 */
public record LogSpec(Target target, Path file, int fd, int level, String prefix, boolean truncate) {
    public enum Target { STDERR, FILE, FD, OFF }

    public static LogSpec stderr() {
        return new LogSpec(Target.STDERR, null, -1, 1, null, false);
    }
}
