package dev.jvtpm.daemon.cli;

import dev.jvtpm.engine.crypto.CryptoSuite;
import dev.jvtpm.engine.crypto.ProviderChain;
import dev.jvtpm.engine.crypto.ProviderPolicy;
import dev.jvtpm.nativebridge.NativeProviders;
import java.io.PrintStream;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code jvtpm providers}: resolves the crypto provider chain as a TPM would (running every
 * candidate's power-on self-test) and prints, per primitive family, the chosen provider and why,
 * every other candidate and why it was passed over, and what the host offers (CPU features, JVM
 * intrinsics, OpenSSL version, CPU entropy health).
 */
public final class ProvidersCommand {
    private ProvidersCommand() {}

    /** The picocli model of {@code jvtpm providers}. */
    public static CommandSpec spec() {
        CommandSpec s = CommandSpec.create().name("providers");
        s.usageMessage().description("Show which crypto provider serves each primitive family on this host, and why.")
                .customSynopsis("jvtpm providers [--crypto-policy all|hardware|pure-java]");
        s.addOption(OptionSpec.builder("--crypto-policy").type(String.class).arity("1").paramLabel("<policy>")
                .defaultValue("all")
                .description("Which tiers may serve: all (default), hardware or pure-java.").build());
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        return s;
    }

    /** Resolves and prints; 0 on success, 1 for a bad policy or when some family has no provider. */
    public static int run(ParseResult parsed, PrintStream out, PrintStream err) {
        String policyName = parsed.matchedOptionValue("--crypto-policy", "all");
        ProviderPolicy policy;
        try {
            policy = ProviderPolicy.parse(policyName);
        } catch (IllegalArgumentException e) {
            err.println("jvtpm providers: " + e.getMessage());
            return 1;
        }
        ProviderChain chain = NativeProviders.chain();
        CryptoSuite suite;
        try {
            suite = chain.resolve(policy);
        } catch (IllegalStateException e) {
            err.println("jvtpm providers: " + e.getMessage());
            return 1;
        }
        out.print(NativeProviders.report(suite, chain));
        out.flush();
        return 0;
    }
}
