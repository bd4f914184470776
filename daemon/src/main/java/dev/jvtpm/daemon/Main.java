package dev.jvtpm.daemon;

import dev.jvtpm.daemon.cli.JvtpmCli;
import dev.jvtpm.daemon.cli.ProvidersCommand;
import dev.jvtpm.daemon.cli.SocketCommand;
import dev.jvtpm.daemon.process.SocketDaemon;
import java.io.PrintStream;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Entry point of the {@code jvtpm} command (bin/jvtpm execs this class). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (the daemon returns when it ends). */
    public static int run(String[] args) {
        CommandLine cl = JvtpmCli.commandLine();
        ParseResult parsed;
        try {
            parsed = cl.parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            String name = e.getCommandLine().getCommandSpec().qualifiedName();
            System.err.println(name + ": " + e.getMessage());
            System.err.println("Try '" + name + " --help' for the options.");
            return 1;
        }
        PrintStream out = System.out;
        if (CommandLine.printHelpIfRequested(parsed)) {
            out.flush();
            return 0;
        }
        if (!parsed.hasSubcommand()) {
            cl.usage(System.err);
            return 1;
        }
        ParseResult sub = parsed.subcommand();
        if (sub.commandSpec().name().equals("providers")) {
            return ProvidersCommand.run(sub, out, System.err);
        }
        return SocketDaemon.run(SocketCommand.RawOptions.from(sub));
    }
}
