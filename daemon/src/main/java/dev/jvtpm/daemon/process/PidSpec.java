package dev.jvtpm.daemon.process;

import java.nio.file.Path;

/** {@code --pid file=P} or {@code --pid fd=F} (a regular file opened by the caller). */
public record PidSpec(Path file, int fd) {}
