package dev.jvtpm.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jvtpm.daemon.log.LogSpec;
import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.daemon.transport.Endpoint;
import dev.jvtpm.engine.state.KeyMaterial;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How option strings and the environment become the effective configuration (swtpm 0.7.1 rules + jvtpm defaults). */
class SocketConfigParserTest {
    private Path home;
    private final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void home() throws Exception {
        home = TestDirs.create();
    }

    @AfterEach
    void clean() {
        TestDirs.delete(home);
    }

    private SocketConfig parse(String... args) throws UsageError {
        String[] all = new String[args.length + 1];
        all[0] = "socket";
        System.arraycopy(args, 0, all, 1, args.length);
        CommandLine.ParseResult r = JvtpmCli.commandLine().parseArgs(all);
        return new SocketConfigParser(new SocketConfigParser.Environment(env, home))
                .parse(SocketCommand.RawOptions.from(r.subcommand()));
    }

    @Test
    void noOptionsAtAllMeansTheEmbeddedDefaults() throws Exception {
        SocketConfig c = parse();
        assertThat(c.data()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 2321, null));
        assertThat(c.ctrl()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 2322, null));
        assertThat(c.needInit()).isFalse();
        assertThat(c.startup()).isEqualTo(StartupType.CLEAR);
        assertThat(c.stateDir()).isEqualTo(home.resolve(".local/share/jvtpm/default"));
        assertThat(c.createStateDir()).isTrue();
        assertThat(c.key()).isNull();
        assertThat(c.defaultKeyFile()).isEqualTo(home.resolve(".config/jvtpm/state.key"));
        assertThat(c.keepConnection()).isTrue();
        assertThat(c.terminate()).isFalse();
        assertThat(c.embeddedDefaults()).isTrue();
        assertThat(c.log()).isEqualTo(LogSpec.stderr());
        assertThat(c.stateFileMode()).isEqualTo(0640);
    }

    @Test
    void tpmPortMovesTheDefaultPortsAndXdgDirectoriesMoveTheDefaultFiles() throws Exception {
        env.put("TPM_PORT", "5000");
        env.put("XDG_DATA_HOME", home.resolve("data").toString());
        env.put("XDG_CONFIG_HOME", "relative/is/ignored");
        SocketConfig c = parse();
        assertThat(c.data()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 5000, null));
        assertThat(c.ctrl()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 5001, null));
        assertThat(c.stateDir()).isEqualTo(home.resolve("data/jvtpm/default"));
        assertThat(c.defaultKeyFile()).isEqualTo(home.resolve(".config/jvtpm/state.key"));
    }

    @Test
    void withAControlOrServerOptionSwtpmSemanticsApply() throws Exception {
        SocketConfig ctrlOnly = parse("--ctrl", "type=unixio,path=/run/x.sock");
        assertThat(ctrlOnly.data()).isNull();
        assertThat(ctrlOnly.ctrl()).isEqualTo(new Endpoint.Unix(Path.of("/run/x.sock"), 0770, null, null));
        assertThat(ctrlOnly.needInit()).isTrue();
        assertThat(ctrlOnly.startup()).isEqualTo(StartupType.NONE);
        assertThat(ctrlOnly.embeddedDefaults()).isFalse();
        SocketConfig serverOnly = parse("--server", "port=6000");
        assertThat(serverOnly.data()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 6000, null));
        assertThat(serverOnly.ctrl()).isNull();
        assertThat(serverOnly.needInit()).isTrue();
    }

    @Test
    void flagsFollowSwtpm() throws Exception {
        assertThat(parse("--ctrl", "type=tcp,port=1", "--flags", "not-need-init").needInit()).isFalse();
        SocketConfig clear = parse("--ctrl", "type=tcp,port=1", "--flags", "startup-clear");
        assertThat(clear.needInit()).as("startup-* implies not-need-init").isFalse();
        assertThat(clear.startup()).isEqualTo(StartupType.CLEAR);
        assertThat(parse("--ctrl", "type=tcp,port=1", "--flags", "startup-state").startup()).isEqualTo(StartupType.STATE);
        SocketConfig none = parse("--ctrl", "type=tcp,port=1", "--flags", "startup-none");
        assertThat(none.needInit()).as("startup-none does not imply not-need-init").isTrue();
        SocketConfig explicit = parse("--flags", "not-need-init");
        assertThat(explicit.startup()).as("explicit flags replace the embedded startup-clear").isEqualTo(StartupType.NONE);
        assertThat(parse("--flags", "startup-clear,startup-state").startup()).as("clear wins, as in swtpm")
                .isEqualTo(StartupType.CLEAR);
    }

    @Test
    void stateDirectoryComesFromTheOptionThenTpmPathThenTheDefault() throws Exception {
        Path a = java.nio.file.Files.createDirectory(home.resolve("a"));
        Path b = java.nio.file.Files.createDirectory(home.resolve("b"));
        env.put("TPM_PATH", b.toString());
        assertThat(parse("--tpmstate", "dir=" + a + ",mode=0600")).satisfies(c -> {
            assertThat(c.stateDir()).isEqualTo(a);
            assertThat(c.stateFileMode()).isEqualTo(0600);
            assertThat(c.createStateDir()).isFalse();
        });
        assertThat(parse("--tpmstate", "backend-uri=dir://" + a).stateDir()).isEqualTo(a);
        assertThat(parse().stateDir()).isEqualTo(b);
    }

    @Test
    void legacyPortAndServerPortFallbacks() throws Exception {
        SocketConfig p = parse("-p", "7000");
        assertThat(p.data()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 7000, null));
        assertThat(p.keepConnection()).isFalse();
        env.put("TPM_PORT", "7100");
        assertThat(parse("--server", "type=tcp,bindaddr=::1").data()).isEqualTo(new Endpoint.Tcp("::1", 7100, null));
        assertThat(parse("--server", "type=tcp,disconnect", "-t").terminate()).isTrue();
    }

    @Test
    void keyOptions() throws Exception {
        KeySource k = parse("--key", "pwdfile=/p,mode=aes-256-cbc,kdf=sha512,remove").key();
        assertThat(k.kind()).isEqualTo(KeySource.Kind.PASSPHRASE_FILE);
        assertThat(k.keyBytes()).isEqualTo(32);
        assertThat(k.kdf()).isEqualTo(KeyMaterial.PassphraseKdf.SHA512);
        assertThat(k.remove()).isTrue();
        KeySource d = parse("--key", "file=/k").key();
        assertThat(d.kind()).isEqualTo(KeySource.Kind.FILE);
        assertThat(d.keyBytes()).as("swtpm's default mode is aes-128-cbc").isEqualTo(16);
        assertThat(d.format()).isEqualTo(KeyMaterial.Format.HEX);
        assertThat(d.kdf()).isEqualTo(KeyMaterial.PassphraseKdf.PBKDF2);
        assertThat(parse("--key", "file=/k,format=binary,mode=aes-cbc,remove=false").key().remove()).isFalse();
        assertThat(parse("--migration-key", "pwdfile=/m").migrationKey().kind()).isEqualTo(KeySource.Kind.PASSPHRASE_FILE);
    }

    @Test
    void logOptions() throws Exception {
        assertThat(SocketConfigParser.parseLog("file=-").target()).isEqualTo(LogSpec.Target.OFF);
        LogSpec f = SocketConfigParser.parseLog("file=/var/log/x,level=20,prefix=vm1: ,truncate");
        assertThat(f).isEqualTo(new LogSpec(LogSpec.Target.FILE, Path.of("/var/log/x"), -1, 20, "vm1: ", true));
        assertThat(SocketConfigParser.parseLog("file=/x").level()).as("a log file defaults to level 1").isEqualTo(1);
        assertThat(SocketConfigParser.parseLog("level=3").target()).isEqualTo(LogSpec.Target.STDERR);
    }

    @Test
    void localityAndMssim() throws Exception {
        SocketConfig l = parse("--locality", "reject-locality-4,allow-set-locality");
        assertThat(l.rejectLocality4()).isTrue();
        assertThat(l.allowSetLocality()).isTrue();
        SocketConfig m = parse("--mssim");
        assertThat(m.mssim()).isTrue();
        assertThat(m.data()).isEqualTo(new Endpoint.Tcp("127.0.0.1", 2321, null));
        assertThat(m.ctrl()).isNull();
        assertThat(m.needInit()).as("the simulator starts powered off").isTrue();
    }

    @Test
    void subOptionsFollowSwtpmsParser() throws Exception {
        SubOptions o = SubOptions.parse("--x", "a=1,b,c=TRUE,d=0,a=2,,e=yes", SubOptions.param("a", SubOptions.Type.INT),
                SubOptions.param("b", SubOptions.Type.BOOLEAN), SubOptions.param("c", SubOptions.Type.BOOLEAN),
                SubOptions.param("d", SubOptions.Type.BOOLEAN), SubOptions.param("e", SubOptions.Type.BOOLEAN));
        assertThat(o.integer("a", -1)).as("the first occurrence counts").isEqualTo(1);
        assertThat(o.bool("b", false)).as("a bare name is true").isTrue();
        assertThat(o.bool("c", false)).isTrue();
        assertThat(o.bool("d", true)).isFalse();
        assertThat(o.bool("e", true)).as("only true/1 are true").isFalse();
        assertThat(SubOptions.parse("--x", "m=0600", SubOptions.param("m", SubOptions.Type.MODE)).mode("m", 0))
                .isEqualTo(0600);
        assertThat(SubOptions.parse("--x", "u=root,g=0", SubOptions.param("u", SubOptions.Type.UID),
                SubOptions.param("g", SubOptions.Type.GID)).owner("u")).isZero();
        assertThatThrownBy(() -> SubOptions.parse("--x", "u=no-such-user-here", SubOptions.param("u", SubOptions.Type.UID)))
                .hasMessageContaining("user 'no-such-user-here' does not exist");
    }
}
