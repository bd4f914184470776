package dev.jvtpm.engine.command;

import dev.jvtpm.engine.command.capability.GetCapability;
import dev.jvtpm.engine.command.pcr.PcrRead;
import dev.jvtpm.engine.command.pcr.PcrExtend;
import dev.jvtpm.engine.command.random.GetRandom;
import dev.jvtpm.engine.command.random.StirRandom;
import dev.jvtpm.engine.command.startup.Shutdown;
import dev.jvtpm.engine.command.startup.Startup;
import java.util.ArrayList;
import java.util.List;

/**
 * The command set of a jvtpm TPM, by Part 3 family. Adding a command means adding it here;
 * GetCapability then advertises it and the dispatcher runs it.
 */
public final class StandardCommands {
    private StandardCommands() {}

    public static CommandTable table() {
        List<Command<?, ?>> all = new ArrayList<>();
        // Part 3 §9 Start-up
        all.add(new Startup());
        all.add(new Shutdown());
        // Part 3 §16 Random Number Generator
        all.add(new GetRandom());
        all.add(new StirRandom());
        // Part 3 §22 Integrity Collection (PCR)
        all.add(new PcrRead());
        all.add(new PcrExtend());
        // Part 3 §30 Capability Commands
        all.add(new GetCapability());
        return new CommandTable(all);
    }

    /** RSA key sizes for swtpm's GET_INFO TPMFeatures, comma-separated. */
    public static String rsaKeySizesJson() {
        StringBuilder sb = new StringBuilder();
        for (int s : dev.jvtpm.engine.command.capability.Algorithms.rsaKeySizes()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(s);
        }
        return sb.toString();
    }
}
