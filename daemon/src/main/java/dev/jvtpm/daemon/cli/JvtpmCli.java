package dev.jvtpm.daemon.cli;

import dev.jvtpm.daemon.JvtpmVersion;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code jvtpm} command line (picocli, programmatic model): {@code socket} is the
 * swtpm-compatible daemon, {@code providers} reports the crypto provider chain.
 */
public final class JvtpmCli {
    private JvtpmCli() {}

    public static CommandLine commandLine() {
        CommandSpec top = CommandSpec.create().name("jvtpm").versionProvider(new JvtpmVersion());
        top.usageMessage().description("A virtual TPM 2.0 in Java, a drop-in for 'swtpm socket'.", "")
                .footer("", "Run 'jvtpm socket --help' for the daemon's options, 'jvtpm providers' for the crypto providers.");
        top.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        top.addOption(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print the version and exit.")
                .build());
        CommandLine cl = new CommandLine(top);
        CommandSpec socket = SocketCommand.spec().versionProvider(new JvtpmVersion());
        cl.addSubcommand("socket", new CommandLine(socket));
        cl.addSubcommand("providers", new CommandLine(ProvidersCommand.spec()));
        // like getopt: a repeated option's last value wins
        cl.setOverwrittenOptionsAllowed(true);
        return cl;
    }
}
