package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a log file, framed with a title, for assertion messages. */
final class LogTail {

    private LogTail() {
    }

    static String of(String title, Path file, int lines) {
        StringBuilder sb = new StringBuilder("---- ").append(title).append(" (last ").append(lines).append(" lines) ----\n");
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<String> all = new String(bytes, StandardCharsets.UTF_8).replace("\r", "").lines().toList();
            for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
                sb.append(line).append('\n');
            }
        } catch (IOException e) {
            sb.append("(unreadable: ").append(e).append(")\n");
        }
        return sb.append("---- end of ").append(title).append(" ----\n").toString();
    }
}
