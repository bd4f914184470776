package dev.jvtpm.daemon.interop;

/**
 * tpm2-tools over tcti-mssim against {@code jvtpm socket --mssim}: command port P, platform
 * port P + 1; tcti-mssim powers the TPM on (POWER_ON, NV_ON) itself.
 */
class Tpm2ToolsMssimTctiTest extends Tpm2ToolsContract {
    @Override
    String[] daemonArguments() {
        return new String[] {"--mssim", "--server", "type=tcp,port=" + port};
    }

    @Override
    String tcti() {
        return "mssim:host=127.0.0.1,port=" + port;
    }
}
