package dev.jvtpm.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** jvtpm's version, from the build (a filtered resource); also picocli's --version text. */
public final class JvtpmVersion implements CommandLine.IVersionProvider {
    private static final String VERSION = load();

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = JvtpmVersion.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"jvtpm " + VERSION + " (TPM 2.0; swtpm 0.7.1 socket-protocol compatible)"};
    }
}
