package dev.jvtpm.daemon.process;

import dev.jvtpm.daemon.cli.UsageError;
import dev.jvtpm.nativebridge.Posix;
import java.io.IOException;

/** {@code --runas}: becomes another user before any file is touched; only root can. */
public final class PrivilegeDrop {
    private PrivilegeDrop() {}

    /** Returns the user's home directory (jvtpm's default paths are then under it). */
    public static String become(String user) throws UsageError {
        int euid;
        try {
            euid = Posix.euid();
        } catch (LinkageError e) {
            throw new UsageError("--runas: native access to libc is not available: " + e.getMessage());
        }
        if (euid != 0) {
            throw new UsageError("--runas " + user + ": only root can change to another user (jvtpm runs as uid "
                    + euid + "); start jvtpm as " + user + " instead");
        }
        try {
            // native code the daemon needs later is loaded while it can still be unpacked
            dev.jvtpm.nativebridge.UnixSockets.get().load();
            Posix.User u = Posix.user(user);
            Posix.becomeUser(u);
            return u.home();
        } catch (IOException e) {
            throw new UsageError("--runas " + user + ": " + e.getMessage());
        }
    }
}
