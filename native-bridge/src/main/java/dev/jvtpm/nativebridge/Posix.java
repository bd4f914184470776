package dev.jvtpm.nativebridge;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.StringArray;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.util.List;

/**
 * The few libc calls a JVM cannot make itself: dropping privileges ({@code --runas}) and
 * starting a detached copy of the process that inherits descriptors ({@code --daemon}; a JVM
 * cannot fork, and {@link ProcessBuilder} closes every descriptor above 2 in the child).
 * Linux/glibc only; loaded on first use.
 */
public final class Posix {
    /** glibc's POSIX_SPAWN_SETSID: the child calls setsid() (a new session, no controlling tty). */
    private static final short POSIX_SPAWN_SETSID = 0x80;
    private static final int O_RDONLY = 0;
    private static final int O_WRONLY = 1;
    private static final int F_SETFD = 2;
    private static final int FD_CLOEXEC = 1;
    /** Larger than glibc's posix_spawn_file_actions_t (80 B) and posix_spawnattr_t (336 B). */
    private static final int SPAWN_STRUCT_BYTES = 1024;

    private Posix() {}

    /** An entry of the user database. */
    public record User(String name, int uid, int gid, String home) {}

    interface LibC extends Library {
        int getuid();

        int geteuid();

        int setuid(int uid);

        int setgid(int gid);

        int initgroups(String user, int group);

        Passwd getpwnam(String name);

        int pipe(int[] fds);

        int fcntl(int fd, int cmd, int arg);

        int close(int fd);

        int posix_spawn(IntByReference pid, String path, Pointer fileActions, Pointer attr,
                        StringArray argv, StringArray envp);

        int posix_spawn_file_actions_init(Pointer fileActions);

        int posix_spawn_file_actions_addopen(Pointer fileActions, int fd, String path, int oflag, int mode);

        int posix_spawn_file_actions_destroy(Pointer fileActions);

        int posix_spawnattr_init(Pointer attr);

        int posix_spawnattr_setflags(Pointer attr, short flags);

        int posix_spawnattr_destroy(Pointer attr);

        String strerror(int errnum);
    }

    /** {@code struct passwd} of glibc. */
    @Structure.FieldOrder({"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})
    public static class Passwd extends Structure {
        public String pw_name;
        public String pw_passwd;
        public int pw_uid;
        public int pw_gid;
        public String pw_gecos;
        public String pw_dir;
        public String pw_shell;
    }

    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private static LibC libc() {
        return Holder.LIBC;
    }

    public static int uid() {
        return libc().getuid();
    }

    public static int euid() {
        return libc().geteuid();
    }

    /** Looks a user up by name, as swtpm's {@code --runas} does (getpwnam). */
    public static User user(String name) throws IOException {
        Passwd p = libc().getpwnam(name);
        if (p == null) {
            throw new IOException("user '" + name + "' does not exist");
        }
        return new User(p.pw_name, p.pw_uid, p.pw_gid, p.pw_dir);
    }

    /**
     * Becomes {@code user}: supplementary groups, then gid, then uid (the order that leaves no
     * way back). Only root can do this.
     */
    public static void becomeUser(User user) throws IOException {
        LibC c = libc();
        if (c.initgroups(user.name(), user.gid()) != 0) {
            throw error("initgroups(" + user.name() + ")");
        }
        if (c.setgid(user.gid()) != 0) {
            throw error("setgid(" + user.gid() + ")");
        }
        if (c.setuid(user.uid()) != 0) {
            throw error("setuid(" + user.uid() + ")");
        }
    }

    /** A pipe as {read, write}; the read end is close-on-exec, the write end is inheritable. */
    public static int[] inheritablePipe() throws IOException {
        int[] fds = new int[2];
        if (libc().pipe(fds) != 0) {
            throw error("pipe");
        }
        if (libc().fcntl(fds[0], F_SETFD, FD_CLOEXEC) != 0) {
            throw error("fcntl(FD_CLOEXEC)");
        }
        return fds;
    }

    public static void close(int fd) {
        libc().close(fd);
    }

    /**
     * Starts {@code argv} in a new session with stdin/stdout/stderr on /dev/null; every other
     * descriptor not marked close-on-exec is inherited. Returns the child's pid.
     */
    public static int spawnDetached(List<String> argv, List<String> env) throws IOException {
        LibC c = libc();
        Memory actions = new Memory(SPAWN_STRUCT_BYTES);
        Memory attr = new Memory(SPAWN_STRUCT_BYTES);
        actions.clear();
        attr.clear();
        check(c.posix_spawn_file_actions_init(actions), "posix_spawn_file_actions_init");
        check(c.posix_spawnattr_init(attr), "posix_spawnattr_init");
        try {
            check(c.posix_spawn_file_actions_addopen(actions, 0, "/dev/null", O_RDONLY, 0), "addopen stdin");
            check(c.posix_spawn_file_actions_addopen(actions, 1, "/dev/null", O_WRONLY, 0), "addopen stdout");
            check(c.posix_spawn_file_actions_addopen(actions, 2, "/dev/null", O_WRONLY, 0), "addopen stderr");
            check(c.posix_spawnattr_setflags(attr, POSIX_SPAWN_SETSID), "posix_spawnattr_setflags");
            IntByReference pid = new IntByReference();
            check(c.posix_spawn(pid, argv.get(0), actions, attr,
                    new StringArray(argv.toArray(new String[0])), new StringArray(env.toArray(new String[0]))),
                    "posix_spawn " + argv.get(0));
            return pid.getValue();
        } finally {
            c.posix_spawn_file_actions_destroy(actions);
            c.posix_spawnattr_destroy(attr);
        }
    }

    private static void check(int rc, String what) throws IOException {
        if (rc != 0) {
            throw new IOException(what + ": " + libc().strerror(rc));
        }
    }

    private static IOException error(String what) {
        int errno = Native.getLastError();
        return new IOException(what + ": " + libc().strerror(errno));
    }
}
