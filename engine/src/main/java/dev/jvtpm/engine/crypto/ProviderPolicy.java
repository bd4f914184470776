package dev.jvtpm.engine.crypto;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which tiers of the chain may serve. The default allows all; {@link #pureJava()} is for hosts
 * that forbid native code and for proving that every tier gives the same bytes.
 */
public final class ProviderPolicy {
    private final Set<Tier> allowed;

    private ProviderPolicy(Set<Tier> allowed) {
        this.allowed = allowed;
    }

    public static ProviderPolicy all() {
        return new ProviderPolicy(EnumSet.allOf(Tier.class));
    }

    public static ProviderPolicy pureJava() {
        return new ProviderPolicy(EnumSet.of(Tier.PURE_JAVA));
    }

    /** Exactly one tier, falling back to pure Java for families that tier lacks. */
    public static ProviderPolicy only(Tier tier) {
        return new ProviderPolicy(EnumSet.of(tier, Tier.PURE_JAVA));
    }

    /**
     * Parses "all", "pure-java", "hardware". There is no "host-tpm" policy while no provider of
     * that tier exists: it would silently mean pure Java.
     */
    public static ProviderPolicy parse(String s) {
        switch (s.trim().toLowerCase()) {
            case "all": return all();
            case "pure-java": case "pure": case "java": return pureJava();
            case "hardware": return only(Tier.HARDWARE);
            default: throw new IllegalArgumentException("unknown provider policy '" + s
                    + "' (expected all, hardware or pure-java)");
        }
    }

    public boolean allows(Tier t) {
        return allowed.contains(t);
    }

    @Override
    public String toString() {
        return allowed.toString();
    }
}
