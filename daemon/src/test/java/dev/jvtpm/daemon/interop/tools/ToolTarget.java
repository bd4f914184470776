package dev.jvtpm.daemon.interop.tools;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TPM that tpm2-tools talk to over tcti-swtpm: the jvtpm daemon, or swtpm 0.7.1 as the reference,
 * each a {@link TcpTpm} on free ports with its own state and working directory, started with
 * not-need-init and then TPM2_Startup(CLEAR) by tpm2_startup.
 */
final class ToolTarget implements AutoCloseable {
    private static final Pattern ERROR_CODE = Pattern.compile("ErrorCode \\((0x[0-9a-fA-F]+)\\)");

    private final TcpTpm tpm;

    private ToolTarget(TcpTpm tpm) {
        this.tpm = tpm;
    }

    static ToolTarget jvtpm() throws Exception {
        return startedUp(TcpTpm.start(TcpTpm.Kind.JVTPM));
    }

    static ToolTarget swtpm() throws Exception {
        return startedUp(TcpTpm.start(TcpTpm.Kind.SWTPM));
    }

    private static ToolTarget startedUp(TcpTpm tpm) throws Exception {
        ToolTarget t = new ToolTarget(tpm);
        try {
            t.tool("tpm2_startup", "-c").assertOk();
        } catch (Exception | AssertionError e) {
            tpm.close();
            throw e;
        }
        return t;
    }

    /**
     * Runs a tool against this TPM in its directory; {@code @name} arguments are files of the
     * directory (also after {@code session:}). Without a resource manager every tool leaves the objects it loaded in the TPM's
     * three slots (the tools keep them in context files), so transient objects are flushed after
     * each tool, as tpm2-abrmd or the kernel's resource manager would.
     */
    Tools.Result tool(String... cmd) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : cmd) {
            args.add(a.startsWith("@") ? file(a.substring(1)).toString()
                    : a.startsWith("session:@") ? "session:" + file(a.substring(9)) : a);
        }
        Map<String, String> env = Map.of("TPM2TOOLS_TCTI", tpm.tcti());
        Tools.Result r = Tools.run(Duration.ofSeconds(120), env, args);
        if (!cmd[0].equals("tpm2_flushcontext")) {
            Tools.run(Duration.ofSeconds(60), env, List.of("tpm2_flushcontext", "-t")).assertOk();
        }
        return r;
    }

    /** Runs another program (openssl) in this TPM's directory. */
    Tools.Result run(String... cmd) throws Exception {
        List<String> args = new ArrayList<>();
        for (String a : cmd) {
            args.add(a.startsWith("@") ? file(a.substring(1)).toString() : a);
        }
        return Tools.run(Duration.ofSeconds(60), Map.of(), args);
    }

    Path file(String name) {
        return tpm.file(name);
    }

    /** "ok", or the exit code and the first TPM response code the tool printed. */
    static String ok(Tools.Result r) {
        if (r.exit() == 0) {
            return "ok";
        }
        Matcher m = ERROR_CODE.matcher(r.stderr());
        return "exit " + r.exit() + (m.find() ? " " + m.group(1) : "");
    }

    /** The result of a step that must succeed. */
    static Tools.Result must(Tools.Result r, String what) {
        if (r.exit() != 0) {
            throw new AssertionError(what + " failed: " + r);
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        tpm.close();
    }

    @Override
    public String toString() {
        return tpm.kind() == TcpTpm.Kind.JVTPM ? "jvtpm" : "swtpm";
    }
}
