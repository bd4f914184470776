package dev.jvtpm.daemon.cli;

import dev.jvtpm.daemon.log.LogSpec;
import dev.jvtpm.daemon.process.PidSpec;
import dev.jvtpm.daemon.transport.Endpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The effective configuration of {@code jvtpm socket}, after defaults are applied.
 *
 * @param data where data connections come from; null when only SET_DATAFD provides one
 * @param keepConnection false with {@code ,disconnect}/{@code -p}: close after each response
 * @param terminate exit when the data connection is lost
 * @param ctrl the control channel; null when there is none
 * @param mssim serve the MS-simulator protocol on the data port and the port after it
 * @param stateDir the state directory; {@code createStateDir} when it is jvtpm's default
 * @param stateFileMode permissions of state files (swtpm's default 0640)
 * @param key the state key; null means the generated default key file {@code defaultKeyFile}
 * @param migrationKey encrypts GET_STATEBLOB output; null when not configured
 * @param needInit whether CMD_INIT is required before data commands
 * @param startup the TPM2_Startup sent once at start
 * @param embeddedDefaults true when neither --server nor --ctrl was given
 */
public record SocketConfig(
        Endpoint data, boolean keepConnection, boolean terminate,
        Endpoint ctrl, boolean mssim,
        Path stateDir, boolean createStateDir, int stateFileMode,
        KeySource key, Path defaultKeyFile, KeySource migrationKey,
        PidSpec pid, LogSpec log,
        boolean rejectLocality4, boolean allowSetLocality,
        boolean needInit, StartupType startup,
        boolean daemon, String runAs, String seccompAction,
        boolean embeddedDefaults) {

    /** One line per setting, for the start-up log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("data channel: " + (data == null ? "none (SET_DATAFD only)" : data.describe())
                + (mssim ? " (MS-simulator protocol, platform port next)" : "")
                + (keepConnection ? "" : ", disconnect after each response")
                + (terminate ? ", terminate when the data connection ends" : ""));
        lines.add("control channel: " + (ctrl == null ? "none" : ctrl.describe()));
        lines.add("state directory: " + stateDir + " (file mode " + String.format("0%o", stateFileMode) + ")");
        lines.add("state key: " + (key == null ? "generated key file " + defaultKeyFile : key.describe())
                + "; state is sealed with AES-256-GCM");
        lines.add("migration key: " + (migrationKey == null ? "none" : migrationKey.describe()));
        lines.add("init: " + (needInit ? "wait for CMD_INIT" : "TPM powered on at start")
                + (startup == StartupType.NONE ? "" : ", TPM2_Startup(" + startup + ") sent at start"));
        lines.add("locality: " + (rejectLocality4 ? "locality 4 rejected" : "0-4 accepted")
                + (allowSetLocality ? ", in-band TPM2_SetLocality allowed" : ""));
        if (embeddedDefaults) {
            lines.add("embedded defaults in use (no --server and no --ctrl given)");
        }
        return lines;
    }
}
