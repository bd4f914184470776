package dev.jvtpm.daemon.interop.qemu;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backend driven by swtpm's {@code socket} command line: swtpm itself, or jvtpm's drop-in
 * launcher. Both get exactly the arguments current libvirt passes (swtpm-compat reference §4.4),
 * with {@code --terminate} so the process exits when QEMU drops the data channel.
 *
 * @param name     how reports and artifact directories call it
 * @param launcher the program (and any leading arguments) before {@code socket}
 * @param env      extra environment for the backend process
 */
record SocketModeBackend(String name, List<String> launcher, Map<String, String> env) implements VtpmBackend {

    SocketModeBackend {
        launcher = List.copyOf(launcher);
        env = Map.copyOf(env);
    }

    List<String> commandLine(Path stateDir, Path ctrlSocket, Path logFile) {
        List<String> cmd = new ArrayList<>(launcher);
        cmd.addAll(List.of("socket", "--tpm2",
                "--tpmstate", "dir=" + stateDir + ",mode=0600",
                "--ctrl", "type=unixio,path=" + ctrlSocket + ",mode=0600",
                "--log", "file=" + logFile,
                "--terminate"));
        return cmd;
    }

    @Override
    public VtpmProcess start(Path stateDir, Path ctrlSocket, Path logFile) throws IOException {
        return VtpmProcess.start(commandLine(stateDir, ctrlSocket, logFile), env, ctrlSocket, logFile);
    }
}
