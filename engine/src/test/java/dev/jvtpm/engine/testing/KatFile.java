package dev.jvtpm.engine.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.Properties;

/** A known-answer file under src/test/resources: {@code key=hex} lines, '#' comments. */
public final class KatFile {
    private final String resource;
    private final Properties props = new Properties();

    private KatFile(String resource) {
        this.resource = resource;
        try (InputStream in = KatFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static KatFile load(String resource) {
        return new KatFile(resource);
    }

    public byte[] bytes(String key) {
        return HexFormat.of().parseHex(string(key));
    }

    public String string(String key) {
        String v = props.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(resource + " has no " + key);
        }
        return v.trim();
    }

    public boolean has(String key) {
        return props.containsKey(key);
    }
}
