package dev.jvtpm.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.Main;
import dev.jvtpm.daemon.testing.TestDirs;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed option values are refused before anything is opened, with exit code 1 and a message
 * that names the option and the offending part. Runs {@link Main#run} in this JVM (parsing
 * happens before any socket or file is touched, so nothing starts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedOptionsTest {
    /**
     * A descriptor number no test in this JVM has open: a small one such as 77 can be a socket
     * an earlier test class left open, and then the daemon would take it and start serving.
     */
    private static final int UNOPENED_FD = 65_000;

    private Path dir;

    @BeforeAll
    void dir() throws Exception {
        dir = TestDirs.create();
    }

    @AfterAll
    void clean() {
        TestDirs.delete(dir);
    }

    Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(new String[] {"--server", "type=tcp,port=abc"}, "--server: invalid number 'abc'"),
                Arguments.of(new String[] {"--server", "type=tcp,bogus=1"}, "--server: unknown parameter 'bogus=1'"),
                Arguments.of(new String[] {"--server", "type=udp,port=1"}, "unsupported socket type 'udp'"),
                Arguments.of(new String[] {"--server", "type=tcp,port=70000"}, "outside valid range"),
                Arguments.of(new String[] {"--server", "type=tcp"}, "no valid port number"),
                Arguments.of(new String[] {"--server", "type=unixio"}, "needs path= or fd="),
                Arguments.of(new String[] {"--server", "type=tcp,port=1,bindaddr=localhost"}, "bind address"),
                Arguments.of(new String[] {"--ctrl", "path=/x"}, "--ctrl: missing type="),
                Arguments.of(new String[] {"--ctrl", "type=unixio,mode=0999"}, "--ctrl: invalid mode"),
                Arguments.of(new String[] {"--ctrl", "type=unixio,mode=01777"}, "mode 01777 is invalid"),
                Arguments.of(new String[] {"--ctrl", "type=unixio,clientfd=" + UNOPENED_FD}, "bad file descriptor " + UNOPENED_FD),
                Arguments.of(new String[] {"--ctrl", "type=unixio,path=/tmp/" + "x".repeat(120)}, "too long"),
                Arguments.of(new String[] {"--tpmstate", "dir=/nonexistent/jvtpm"}, "does not exist"),
                Arguments.of(new String[] {"--tpmstate", "backend-uri=file:///x"}, "file:// backend is not supported"),
                Arguments.of(new String[] {"--tpmstate", "mode=0600"}, "dir= or backend-uri= is required"),
                Arguments.of(new String[] {"--key", "mode=aes-256-cbc"}, "--key: one of file="),
                Arguments.of(new String[] {"--key", "file=/k,mode=aes-512-cbc"}, "unknown encryption mode 'aes-512-cbc'"),
                Arguments.of(new String[] {"--key", "file=/k,format=base64"}, "unknown key format 'base64'"),
                Arguments.of(new String[] {"--migration-key", "pwdfile=/p,kdf=md5"}, "--migration-key: unknown kdf 'md5'"),
                Arguments.of(new String[] {"--flags", "startup-deactivated"}, "only supported by a TPM 1.2"),
                Arguments.of(new String[] {"--flags", "fast"}, "--flags: unknown parameter 'fast'"),
                Arguments.of(new String[] {"--locality", "reject-locality-5"}, "--locality: unknown parameter"),
                Arguments.of(new String[] {"--log", "level=many"}, "--log: invalid number 'many'"),
                Arguments.of(new String[] {"--log", "file="}, "--log: unknown parameter 'file='"),
                Arguments.of(new String[] {"--seccomp", "action=trap"}, "unsupported action 'trap'"),
                Arguments.of(new String[] {"--pid", "fd=" + UNOPENED_FD}, "--pid: bad file descriptor " + UNOPENED_FD),
                Arguments.of(new String[] {"--pid", "mode=1"}, "--pid: unknown parameter"),
                Arguments.of(new String[] {"-f", "1"}, "0, 1, or 2"),
                Arguments.of(new String[] {"-f", "x"}, "cannot parse file descriptor 'x'"),
                Arguments.of(new String[] {"-p", "99999"}, "outside valid range"),
                Arguments.of(new String[] {"--mssim", "--ctrl", "type=tcp,port=5"}, "--ctrl cannot be used with --mssim"),
                Arguments.of(new String[] {"--mssim", "--server", "type=unixio,path=/tmp/x"}, "--mssim needs a TCP"),
                Arguments.of(new String[] {"--print-states"}, "--print-states needs --tpmstate"),
                Arguments.of(new String[] {"--nonsense"}, "Unknown option: '--nonsense'"),
                Arguments.of(new String[] {"positional"}, "positional"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusedWithAMessageNamingTheProblem(String[] options, String message) {
        String[] args = new String[2 + options.length];
        args[0] = "socket";
        args[1] = "--tpm2";
        System.arraycopy(options, 0, args, 2, options.length);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            rc = Main.run(args);
        } finally {
            System.setErr(saved);
        }
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(message);
    }
}
