package dev.jvtpm.engine.command;

/** One handle of a command's handle area: its Part 3 name, interface type and auth role. */
public record HandleSpec(String name, HandleType type, AuthRole role) {
}
