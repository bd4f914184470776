package dev.jvtpm.engine.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The implemented commands, by code. Built once and shared by every TPM instance; it is also
 * what GetCapability(TPM_CAP_COMMANDS) reports, so nothing unimplemented is ever advertised.
 */
public final class CommandTable {
    private final Command<?, ?>[] byIndex;
    private final int first;
    private final List<CommandDescriptor> descriptors;

    public CommandTable(List<Command<?, ?>> commands) {
        Map<Integer, Command<?, ?>> sorted = new TreeMap<>();
        for (Command<?, ?> c : commands) {
            int code = c.descriptor().code();
            if (sorted.put(code, c) != null) {
                throw new IllegalArgumentException("two commands for " + c.descriptor().name());
            }
        }
        if (sorted.isEmpty()) {
            throw new IllegalArgumentException("no commands");
        }
        int lo = ((TreeMap<Integer, Command<?, ?>>) sorted).firstKey();
        int hi = ((TreeMap<Integer, Command<?, ?>>) sorted).lastKey();
        this.first = lo;
        this.byIndex = new Command<?, ?>[hi - lo + 1];
        List<CommandDescriptor> ds = new ArrayList<>();
        for (var e : sorted.entrySet()) {
            byIndex[e.getKey() - lo] = e.getValue();
            ds.add(e.getValue().descriptor());
        }
        this.descriptors = Collections.unmodifiableList(ds);
    }

    /** The command with this code, or null when not implemented. */
    public Command<?, ?> get(int code) {
        int i = code - first;
        return i >= 0 && i < byIndex.length ? byIndex[i] : null;
    }

    /** Every implemented command's descriptor, ascending by code. */
    public List<CommandDescriptor> descriptors() {
        return descriptors;
    }

    public int size() {
        return descriptors.size();
    }
}
