package dev.jvtpm.daemon.interop;

/** tpm2-tools over tcti-swtpm: data port P, control port P + 1, new data connection per command. */
class Tpm2ToolsSwtpmTctiTest extends Tpm2ToolsContract {
    @Override
    String[] daemonArguments() {
        return new String[] {"--server", "type=tcp,port=" + port, "--ctrl", "type=tcp,port=" + (port + 1),
            "--flags", "not-need-init"};
    }

    @Override
    String tcti() {
        return "swtpm:host=127.0.0.1,port=" + port;
    }
}
