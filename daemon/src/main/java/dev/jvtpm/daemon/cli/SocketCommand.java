package dev.jvtpm.daemon.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code jvtpm socket}: swtpm 0.7.1's socket-mode command line. Option values keep swtpm's
 * {@code name=value,...} syntax and are interpreted by {@link SocketConfigParser}.
 *
 * <p>Declared with picocli's programmatic API rather than annotations: building the model from
 * annotations costs reflection and annotation proxies at every start, measured at 3-5 times
 * the time of this (about 200 ms of CPU on a cold JVM), on the way to the control socket that
 * libvirt gives one second to appear.
 */
public final class SocketCommand {
    private SocketCommand() {}

    static final String[] DESCRIPTION = {
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
        "",
    };

    static final String[] FOOTER = {
        "",
        "State is always sealed with AES-256-GCM (jvtpm's own format, not swtpm's AES-CBC files).",
        "--key mode=aes-128-cbc|aes-cbc|aes-256-cbc therefore only selects the key size that a",
        "passphrase is stretched to (16 or 32 bytes, as swtpm does) and the size a key file must",
        "have; the same passphrase or key file gives the same key as with swtpm.",
        "",
        "Not implemented: TPM 1.2 (--tpm2 is implied), the file:// state backend, a seccomp",
        "filter (--seccomp is accepted and logged), --runas when not started as root.",
    };

    /** The picocli model of {@code jvtpm socket}. */
    public static CommandSpec spec() {
        CommandSpec s = CommandSpec.create().name("socket").interpolateVariables(false);
        // 100 columns: the option texts quote swtpm's long parameter syntax
        s.usageMessage().description(DESCRIPTION).footer(FOOTER).customSynopsis("jvtpm socket [options]")
                .sortOptions(false).width(100);
        flag(s, "Emulate a TPM 2.0 (always the case; accepted for compatibility).", "--tpm2");
        value(s, "<params>", new String[] {
            "Data channel. type=tcp[,port=N][,bindaddr=A[,ifname=I]][,fd=F][,disconnect]: a TCP listener "
                + "(bindaddr default 127.0.0.1, port default $TPM_PORT); fd=F is an already connected socket "
                + "(implies --terminate); disconnect closes the connection after each response.",
            "type=unixio[,path=P][,fd=F][,mode=0770][,uid=U][,gid=G]: a Unix listener at P (or the listening "
                + "socket F); mode and owner are set after bind; the path is removed at exit."}, "--server");
        value(s, "<params>", new String[] {
            "Control channel. type=unixio,path=P|fd=F|clientfd=F[,mode=0770][,uid=U][,gid=G]: a Unix "
                + "listener (fd=F: listening socket, clientfd=F: already connected); CMD_SET_DATAFD needs it.",
            "type=tcp[,port=N][,bindaddr=A[,ifname=I]]|fd=F: a TCP listener."}, "--ctrl");
        value(s, "<port>", new String[] {"Legacy: same as --server type=tcp,port=<port>,disconnect."}, "-p", "--port");
        value(s, "<fd>", new String[] {
            "Legacy: the inherited descriptor <fd> (> 2) is the data connection; implies --terminate."},
                "-f", "--fd");
        flag(s, "Exit when the data connection is lost.", "-t", "--terminate");
        value(s, "<params>", new String[] {
            "dir=D[,mode=0640] or backend-uri=dir://D: the existing state directory and the mode of the "
                + "state files. Default: $TPM_PATH, else jvtpm's default directory."}, "--tpmstate");
        value(s, "<params>", new String[] {
            "State key: file=K|fd=F[,format=hex|binary][,mode=aes-cbc|aes-128-cbc|aes-256-cbc][,remove] or "
                + "pwdfile=P|pwdfd=F[,mode=...][,kdf=pbkdf2|sha512][,remove]. Default: the generated key file."},
                "--key");
        value(s, "<params>", new String[] {
            "Key that encrypts the state blobs read over the control channel; same syntax as --key."},
                "--migration-key");
        value(s, "<params>", new String[] {
            "file=P|fd=F: write the process id (no newline) once the sockets exist; removed at exit."}, "--pid");
        value(s, "<params>", new String[] {
            "file=P|fd=F[,level=N][,prefix=S][,truncate]: default stderr at level 1; file=- turns logging off; "
                + "level 2 adds the effective configuration and events, level 20 every byte exchanged."}, "--log");
        value(s, "<params>", new String[] {
            "[reject-locality-4][,allow-set-locality]: refuse locality 4; accept the in-band vendor command "
                + "TPM2_SetLocality (0x20001000) on the data channel."}, "--locality");
        value(s, "<params>", new String[] {
            "[not-need-init][,startup-clear|startup-state|startup-none]: power the TPM on at start (no "
                + "CMD_INIT needed); startup-clear/-state also send TPM2_Startup once and imply not-need-init."},
                "--flags");
        flag(s, "Detach; the command returns once the sockets and the pid file are ready.", "-d", "--daemon");
        value(s, "<user>", new String[] {
            "Become <user> before touching any file (only when started as root)."}, "-r", "--runas");
        value(s, "<params>", new String[] {
            "action=none|kill|log: accepted for compatibility; no syscall filter is installed."}, "--seccomp");
        flag(s, "Speak the MS-simulator protocol instead: TPM commands on the --server TCP port (default 2321), "
                + "platform signals on the next port; --ctrl is not used.", "--mssim");
        flag(s, "Print the supported features as JSON and exit.", "--print-capabilities");
        flag(s, "Print the state blobs present in --tpmstate as JSON and exit.", "--print-states");
        s.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help and exit.").build());
        s.addOption(OptionSpec.builder("--version").versionHelp(true).description("Print the version and exit.").build());
        return s;
    }

    private static void flag(CommandSpec s, String description, String... names) {
        s.addOption(OptionSpec.builder(names).type(boolean.class).arity("0").description(description).build());
    }

    private static void value(CommandSpec s, String label, String[] description, String... names) {
        s.addOption(OptionSpec.builder(names).type(String.class).arity("1").paramLabel(label).description(description)
                .build());
    }

    /** The options as given (null when absent), for {@link SocketConfigParser}. */
    public record RawOptions(String server, String ctrl, String port, String fd, boolean terminate,
                             String tpmstate, String key, String migrationKey, String pid, String log,
                             String locality, String flags, boolean daemon, String runAs, String seccomp,
                             boolean mssim, boolean printCapabilities, boolean printStates) {

        /** Reads the options of a parsed {@code socket} command; a repeated option's last value wins. */
        public static RawOptions from(ParseResult r) {
            return new RawOptions(str(r, "--server"), str(r, "--ctrl"), str(r, "--port"), str(r, "--fd"),
                    bool(r, "--terminate"), str(r, "--tpmstate"), str(r, "--key"), str(r, "--migration-key"),
                    str(r, "--pid"), str(r, "--log"), str(r, "--locality"), str(r, "--flags"), bool(r, "--daemon"),
                    str(r, "--runas"), str(r, "--seccomp"), bool(r, "--mssim"), bool(r, "--print-capabilities"),
                    bool(r, "--print-states"));
        }

        private static String str(ParseResult r, String name) {
            return r.matchedOptionValue(name, null);
        }

        private static boolean bool(ParseResult r, String name) {
            return r.hasMatchedOption(name);
        }
    }
}
