package dev.jvtpm.daemon.cli;

import dev.jvtpm.daemon.process.SocketDaemon;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code jvtpm socket}: swtpm 0.7.1's socket-mode command line. Option values keep swtpm's
 * {@code name=value,...} syntax and are interpreted by {@link SocketConfigParser}.
 */
@Command(name = "socket", sortOptions = false, usageHelpAutoWidth = true,
        customSynopsis = "jvtpm socket [options]",
        description = {
            "Run a TPM 2.0 that speaks swtpm 0.7.1's socket protocol (a drop-in for 'swtpm socket').",
            "",
            "Control channel (CMD_*, including CMD_SET_DATAFD for QEMU and the state blobs for",
            "migration), data channel (plain TPM commands, optionally with the MS-simulator prefix),",
            "or with --mssim the MS-simulator protocol. Accepts swtpm 0.7.1's options.",
            "",
            "With no options at all it starts at once with embedded defaults: state in",
            "${XDG_DATA_HOME:-~/.local/share}/jvtpm/default, sealed with a key generated into",
            "${XDG_CONFIG_HOME:-~/.config}/jvtpm/state.key, data on 127.0.0.1:2321, control on",
            "127.0.0.1:2322 ($TPM_PORT and $TPM_PORT+1 when set), TPM powered on and started",
            "(--flags not-need-init,startup-clear), so TPM2TOOLS_TCTI=swtpm:port=2321 works.",
            ""},
        footer = {
            "",
            "State is always sealed with AES-256-GCM (jvtpm's own format, not swtpm's AES-CBC files).",
            "--key mode=aes-128-cbc|aes-cbc|aes-256-cbc therefore only selects the key size that a",
            "passphrase is stretched to (16 or 32 bytes, as swtpm does) and the size a key file must",
            "have; the same passphrase or key file gives the same key as with swtpm.",
            "",
            "Not implemented: TPM 1.2 (--tpm2 is implied), the file:// state backend, a seccomp",
            "filter (--seccomp is accepted and logged), --runas when not started as root."})
public final class SocketCommand implements Callable<Integer> {
    @Option(names = "--tpm2", description = "Emulate a TPM 2.0 (always the case; accepted for compatibility).")
    boolean tpm2;

    @Option(names = "--server", paramLabel = "<params>", description = {
        "Data channel. type=tcp[,port=N][,bindaddr=A[,ifname=I]][,fd=F][,disconnect]:",
        "  TCP listener (bindaddr default 127.0.0.1, port default $TPM_PORT); fd=F is an",
        "  already connected socket (implies --terminate); disconnect closes after each response.",
        "type=unixio[,path=P][,fd=F][,mode=0770][,uid=U][,gid=G]: Unix listener at P (or the",
        "  listening socket F); the path's mode is set after bind and removed at exit."})
    String server;

    @Option(names = "--ctrl", paramLabel = "<params>", description = {
        "Control channel. type=unixio,path=P|fd=F|clientfd=F[,mode=0770][,uid=U][,gid=G]:",
        "  Unix listener (fd=F listening, clientfd=F already connected); needed for CMD_SET_DATAFD.",
        "type=tcp[,port=N][,bindaddr=A[,ifname=I]]|fd=F: TCP listener."})
    String ctrl;

    @Option(names = {"-p", "--port"}, paramLabel = "<port>",
            description = "Legacy: same as --server type=tcp,port=<port>,disconnect.")
    String port;

    @Option(names = {"-f", "--fd"}, paramLabel = "<fd>",
            description = "Legacy: inherited descriptor <fd> (> 2) is the data connection; implies --terminate.")
    String fd;

    @Option(names = {"-t", "--terminate"}, description = "Exit when the data connection is lost.")
    boolean terminate;

    @Option(names = "--tpmstate", paramLabel = "<params>", description = {
        "dir=D[,mode=0640] or backend-uri=dir://D: the existing state directory D and the",
        "mode of the state files. Default: $TPM_PATH, else jvtpm's default directory."})
    String tpmstate;

    @Option(names = "--key", paramLabel = "<params>", description = {
        "State key: file=K|fd=F[,format=hex|binary][,mode=aes-cbc|aes-128-cbc|aes-256-cbc][,remove]",
        "or pwdfile=P|pwdfd=F[,mode=...][,kdf=pbkdf2|sha512][,remove]. Default: the generated key file."})
    String key;

    @Option(names = "--migration-key", paramLabel = "<params>",
            description = "Key that encrypts state blobs read over the control channel; same syntax as --key.")
    String migrationKey;

    @Option(names = "--pid", paramLabel = "<params>",
            description = "file=P|fd=F: write the process id (no newline) once the sockets exist; removed at exit.")
    String pid;

    @Option(names = "--log", paramLabel = "<params>", description = {
        "file=P|fd=F[,level=N][,prefix=S][,truncate]: default stderr, level 1; file=- turns logging",
        "off; level 2 adds the effective configuration and events; level 20 dumps all bytes."})
    String log;

    @Option(names = "--locality", paramLabel = "<params>", description = {
        "[reject-locality-4][,allow-set-locality]: refuse locality 4; accept the in-band vendor",
        "command TPM2_SetLocality (0x20001000) on the data channel."})
    String locality;

    @Option(names = "--flags", paramLabel = "<params>", description = {
        "[not-need-init][,startup-clear|startup-state|startup-none]: power the TPM on at start",
        "(no CMD_INIT needed); startup-* also sends TPM2_Startup once and implies not-need-init."})
    String flags;

    @Option(names = {"-d", "--daemon"},
            description = "Detach; the command returns once the sockets and pid file are ready.")
    boolean daemon;

    @Option(names = {"-r", "--runas"}, paramLabel = "<user>",
            description = "Drop privileges to <user> before touching any file (only when started as root).")
    String runAs;

    @Option(names = "--seccomp", paramLabel = "<params>",
            description = "action=none|kill|log: accepted for compatibility; no syscall filter is installed.")
    String seccomp;

    @Option(names = "--mssim", description = {
        "Speak the MS-simulator protocol instead: TPM commands on the --server TCP port",
        "(default 2321) and platform signals on the next port; --ctrl is not used."})
    boolean mssim;

    @Option(names = "--print-capabilities", description = "Print the supported features as JSON and exit.")
    boolean printCapabilities;

    @Option(names = "--print-states", description = "Print the state blobs present in --tpmstate as JSON and exit.")
    boolean printStates;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = "--version", versionHelp = true, description = "Print the version and exit.")
    boolean version;

    @Override
    public Integer call() {
        return SocketDaemon.run(this);
    }

    /** The options as given, for {@link SocketConfigParser}. */
    public RawOptions raw() {
        return new RawOptions(server, ctrl, port, fd, terminate, tpmstate, key, migrationKey, pid, log,
                locality, flags, daemon, runAs, seccomp, mssim, printStates);
    }

    /** Option strings exactly as given (null when absent). */
    public record RawOptions(String server, String ctrl, String port, String fd, boolean terminate,
                             String tpmstate, String key, String migrationKey, String pid, String log,
                             String locality, String flags, boolean daemon, String runAs, String seccomp,
                             boolean mssim, boolean printStates) {}

    public boolean printCapabilities() {
        return printCapabilities;
    }

    public boolean printStates() {
        return printStates;
    }
}
