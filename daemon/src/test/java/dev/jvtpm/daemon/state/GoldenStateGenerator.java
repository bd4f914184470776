package dev.jvtpm.daemon.state;

import static dev.jvtpm.daemon.state.GoldenState.COUNTER_ATTRS;
import static dev.jvtpm.daemon.state.GoldenState.COUNTER_INDEX;
import static dev.jvtpm.daemon.state.GoldenState.DATA_INDEX;
import static dev.jvtpm.daemon.state.GoldenState.INDEX_AUTH;
import static dev.jvtpm.daemon.state.GoldenState.NV_ATTRS;
import static dev.jvtpm.daemon.state.GoldenState.OWNER_AUTH;

import dev.jvtpm.daemon.testing.TestDirs;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.testing.ObjectCommands;
import dev.jvtpm.engine.testing.Templates;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import dev.jvtpm.engine.types.TpmSu;
import dev.jvtpm.engine.types.object.EccCurve;
import dev.jvtpm.engine.types.object.Scheme;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the golden state of one format version — run once per version, when the format was
 * released; the tests never run it (they load what it wrote, which must keep loading in every later
 * jvtpm). It drives a real daemon over its sockets, exactly as a VM would have left the state:
 * owner authValue set, an ordinary NV index written, a counter incremented, an ECC P-256 SRK made
 * persistent at 0x81000001, SHA-256 PCRs 0, 7, 10 and 16 extended; from v2 on also
 * TPM2_SetAlgorithmSet and PCR 20's authValue (TPM2_PCR_SetAuthValue); then CMD_STORE_VOLATILE
 * (kept as {@code store-volatile/}), TPM2_Shutdown(STATE) and CMD_SHUTDOWN (kept as
 * {@code shutdown-state/}). It prints the SRK's public area and Name for {@link GoldenState} to pin
 * (the SRK comes from the TPM's random storage seed).
 *
 * <p>Run from the worktree root after {@code mvn -o -pl daemon -am test-compile}, with the test
 * classpath (surefire writes it into its reports as {@code surefire.test.class.path}):
 * <pre>
 *   java -cp "$CP" dev.jvtpm.daemon.state.GoldenStateGenerator v2 daemon/src/test/resources/golden/v2
 * </pre>
 * It refuses to overwrite an existing golden directory: released blobs are never regenerated.
 */
public final class GoldenStateGenerator {
    private GoldenStateGenerator() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: GoldenStateGenerator <version> <target directory>");
            System.exit(2);
        }
        GoldenState golden = GoldenState.of(args[0]);
        Path target = Path.of(args[1]);
        if (Files.exists(target.resolve(GoldenState.KEY_FILE))) {
            System.err.println(target + " already holds golden state; released blobs are never regenerated");
            System.exit(1);
        }
        Files.createDirectories(target);
        Path key = Files.writeString(target.resolve(GoldenState.KEY_FILE), golden.keyHex + "\n");
        Path work = TestDirs.create();
        Path state = Files.createDirectory(work.resolve("state"));
        try (StateDirTpm tpm = StateDirTpm.on(work, state, key)) {
            tpm.start();
            check("CMD_INIT", tpm.init());
            call(tpm, "Startup(CLEAR)", Commands.startup(TpmSu.CLEAR));
            call(tpm, "HierarchyChangeAuth(owner)", Commands.hierarchyChangeAuth(TpmHandles.RH_OWNER, new byte[0],
                    OWNER_AUTH));
            call(tpm, "NV_DefineSpace(data)", Commands.nvDefineSpace(TpmHandles.RH_OWNER, OWNER_AUTH, INDEX_AUTH,
                    DATA_INDEX, TpmAlgId.SHA256, NV_ATTRS, new byte[0], golden.data.length));
            call(tpm, "NV_Write", Commands.nvWrite(DATA_INDEX, INDEX_AUTH, DATA_INDEX, golden.data, 0));
            call(tpm, "NV_DefineSpace(counter)", Commands.nvDefineSpace(TpmHandles.RH_OWNER, OWNER_AUTH, INDEX_AUTH,
                    COUNTER_INDEX, TpmAlgId.SHA256, COUNTER_ATTRS, new byte[0], 8));
            for (int i = 0; i < GoldenState.INCREMENTS; i++) {
                call(tpm, "NV_Increment", Commands.nvIncrement(COUNTER_INDEX, INDEX_AUTH, COUNTER_INDEX));
            }
            long counter = Answers.counter(call(tpm, "NV_Read", Commands.nvRead(COUNTER_INDEX, INDEX_AUTH,
                    COUNTER_INDEX, 8, 0)));
            int srk = Answers.objectHandle(call(tpm, "CreatePrimary", ObjectCommands.createPrimary(
                    TpmHandles.RH_OWNER, OWNER_AUTH,
                    Templates.ecc(Templates.STORAGE, EccCurve.NIST_P256, Templates.AES128_CFB, Scheme.NULL),
                    new byte[0], new byte[0], new byte[0], ObjectCommands.noPcrs())));
            if (srk != GoldenState.SRK_TRANSIENT) {
                throw new IllegalStateException("the SRK was loaded at " + Integer.toHexString(srk));
            }
            call(tpm, "EvictControl", ObjectCommands.evictControl(TpmHandles.RH_OWNER, OWNER_AUTH, srk,
                    GoldenState.SRK));
            Answers.Public pub = Answers.readPublic(call(tpm, "ReadPublic",
                    ObjectCommands.readPublic(GoldenState.SRK)));
            for (int i = 0; i < GoldenState.PCRS.length; i++) {
                for (String e : GoldenState.EVENTS[i]) {
                    call(tpm, "PCR_Extend", Commands.pcrExtend(GoldenState.PCRS[i], TpmAlgId.SHA256,
                            GoldenState.event(e)));
                }
            }
            if (golden.holdsV2Values()) {
                call(tpm, "SetAlgorithmSet", Commands.setAlgorithmSet(TpmHandles.RH_PLATFORM, new byte[0],
                        golden.algorithmSet));
                call(tpm, "PCR_SetAuthValue", Commands.pcrSetAuthValue(GoldenState.AUTH_PCR, new byte[0],
                        golden.pcrAuth));
            }

            check("CMD_STORE_VOLATILE", tpm.ctrl("0000000a"));
            copy(state, target.resolve(GoldenState.STORE_VOLATILE), "tpm2-00.permall", "tpm2-00.volatilestate");
            // The shut-down TPM has no volatile state file: a CMD_INIT would resume from it.
            Files.delete(state.resolve("tpm2-00.volatilestate"));

            call(tpm, "Shutdown(STATE)", Commands.shutdown(TpmSu.STATE));
            tpm.ctrlShutdown();
            copy(state, target.resolve(GoldenState.SHUTDOWN_STATE), "tpm2-00.permall");

            System.out.println("counter value " + counter);
            System.out.println("SRK public (TPM2B) " + Answers.hex(pub.publicArea()));
            System.out.println("SRK name " + Answers.hex(pub.name()));
        }
    }

    private static void copy(Path from, Path to, String... files) throws IOException {
        Files.createDirectories(to);
        for (String f : files) {
            Files.copy(from.resolve(f), to.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static byte[] call(StateDirTpm tpm, String what, byte[] command) throws IOException {
        return Answers.ok(what, tpm.send(command));
    }

    private static void check(String what, int rc) {
        if (rc != 0) {
            throw new IllegalStateException(what + " answered " + Integer.toHexString(rc));
        }
    }
}
