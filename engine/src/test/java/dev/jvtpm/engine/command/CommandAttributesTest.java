package dev.jvtpm.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every command's descriptor against libtpms 0.9.2's command attribute table
 * (reference/libtpms-0.9.2-command-attributes.txt): which parameters sessions may encrypt
 * (DECRYPT_2 / ENCRYPT_2: the first parameter is a TPM2B with a 2-byte size; no command uses the
 * 4-byte variants), the authorization role of each handle, sessions refused, the response
 * handle and physical presence. A wrong flag changes which session attributes are refused.
 */
class CommandAttributesTest {
    private static Map<Integer, Set<String>> reference() throws IOException {
        Map<Integer, Set<String>> m = new HashMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                CommandAttributesTest.class.getResourceAsStream("/reference/libtpms-0.9.2-command-attributes.txt"),
                StandardCharsets.US_ASCII))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(" ");
                m.put(Integer.decode(f[0]), new HashSet<>(Arrays.asList(f).subList(2, f.length)));
            }
        }
        return m;
    }

    @Test
    void everyDescriptorMatchesLibtpms() throws IOException {
        Map<Integer, Set<String>> ref = reference();
        assertThat(ref.values()).allSatisfy(flags -> assertThat(flags).doesNotContain("DECRYPT_4", "ENCRYPT_4"));
        for (CommandDescriptor d : StandardCommands.table().descriptors()) {
            Set<String> flags = ref.get(d.code());
            assertThat(flags).as("%s is implemented by libtpms", d.name()).isNotNull();
            assertThat(d.decrypt()).as("%s DECRYPT_2", d.name()).isEqualTo(flags.contains("DECRYPT_2"));
            assertThat(d.encrypt()).as("%s ENCRYPT_2", d.name()).isEqualTo(flags.contains("ENCRYPT_2"));
            assertThat(d.noSessions()).as("%s NO_SESSIONS", d.name()).isEqualTo(flags.contains("NO_SESSIONS"));
            assertThat(d.responseHandle()).as("%s R_HANDLE", d.name()).isEqualTo(flags.contains("R_HANDLE"));
            assertThat(d.physicalPresence()).as("%s PP_COMMAND", d.name())
                    .isEqualTo(flags.contains("PP_COMMAND") || flags.contains("PP_REQUIRED"));
            for (int i = 0; i < d.handles().size(); i++) {
                AuthRole role = d.handles().get(i).role();
                String prefix = "HANDLE_" + (i + 1) + "_";
                AuthRole expected = flags.contains(prefix + "USER") ? AuthRole.USER
                        : flags.contains(prefix + "ADMIN") ? AuthRole.ADMIN
                        : flags.contains(prefix + "DUP") ? AuthRole.DUP : AuthRole.NONE;
                assertThat(role).as("%s handle %d role", d.name(), i + 1).isEqualTo(expected);
            }
        }
    }
}
