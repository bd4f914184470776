package dev.jvtpm.engine.state;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The key is in a file (swtpm {@code --key file=...,format=hex|binary}). */
public final class KeyFileProvider implements KeyProvider {
    private final Path file;
    private final KeyMaterial.Format format;

    public KeyFileProvider(Path file, KeyMaterial.Format format) {
        this.file = file;
        this.format = format;
    }

    @Override
    public StateKey key() throws StateException {
        try {
            return new StateKey(KeyMaterial.fromKeyFile(Files.readAllBytes(file), format, describe()), describe());
        } catch (IOException e) {
            throw new StateException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "key file " + file;
    }
}
