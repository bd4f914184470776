package dev.jvtpm.daemon;

import dev.jvtpm.daemon.cli.JvtpmCommand;
import picocli.CommandLine;

/** Entry point of the {@code jvtpm} command (bin/jvtpm execs this class). */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code (the daemon returns when it ends). */
    public static int run(String[] args) {
        CommandLine cl = new CommandLine(new JvtpmCommand());
        cl.setOverwrittenOptionsAllowed(true); // like getopt: a repeated option's last value wins
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            String name = cmd.getCommandSpec().qualifiedName();
            System.err.println(name + ": " + ex.getMessage());
            System.err.println("Try '" + name + " --help' for the options.");
            return 1;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            System.err.println(cmd.getCommandSpec().qualifiedName() + ": " + ex);
            return 1;
        });
        return cl.execute(args);
    }
}
