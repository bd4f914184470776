package dev.jvtpm.daemon.cli;

import dev.jvtpm.daemon.JvtpmVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jvtpm}: the command; {@code socket} is the swtpm-compatible daemon. */
@Command(name = "jvtpm", mixinStandardHelpOptions = true, versionProvider = JvtpmVersion.class,
        subcommands = {SocketCommand.class, CommandLine.HelpCommand.class},
        description = {"A virtual TPM 2.0 in Java, a drop-in for 'swtpm socket'.", ""},
        footer = {"", "Run 'jvtpm socket --help' for the daemon's options."})
public final class JvtpmCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without a subcommand: usage on stderr and a failure exit code. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return 1;
    }
}
