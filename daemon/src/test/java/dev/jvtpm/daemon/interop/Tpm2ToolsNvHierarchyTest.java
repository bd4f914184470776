package dev.jvtpm.daemon.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jvtpm.daemon.testing.TcpTpm;
import dev.jvtpm.daemon.testing.Tools;
import dev.jvtpm.engine.nv.NvAttributes;
import dev.jvtpm.engine.testing.Commands;
import dev.jvtpm.engine.types.TpmAlgId;
import dev.jvtpm.engine.types.TpmHandles;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * tpm2-tools 5.4 NV, hierarchy and dictionary-attack tools against the jvtpm daemon and swtpm
 * 0.7.1 side by side: every step runs on both and must end the same way with the same output.
 *
 * <p>tpm2-tools authorizes with HMAC sessions (TPM2_StartAuthSession), even for empty passwords,
 * so every step also exercises sessions; each step's expected outcome is checked on swtpm too, so
 * the script stays a valid description of what a TPM does.
 */
class Tpm2ToolsNvHierarchyTest {
    private TcpTpm jvtpm;
    private TcpTpm swtpm;

    @BeforeEach
    void start() throws Exception {
        jvtpm = TcpTpm.start(TcpTpm.Kind.JVTPM);
        swtpm = TcpTpm.start(TcpTpm.Kind.SWTPM);
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            t.tool("tpm2_startup", "-c").assertOk();
            Files.write(t.file("data32"), bytes(32, 1));
            Files.write(t.file("data8"), bytes(8, 2));
            Files.write(t.file("policy"), bytes(32, 3));
        }
    }

    @AfterEach
    void stop() throws Exception {
        TcpTpm.closeBoth(jvtpm, swtpm);
    }

    private static byte[] bytes(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (seed * 37 + i);
        }
        return b;
    }

    /**
     * A tool step: the command ("@name", also inside an argument such as "session:@s.ctx" or
     * "sha256:@a,@b", is a file of each TPM's scratch directory) and whether it succeeds.
     */
    record Step(boolean succeeds, String... command) {
        private static final Pattern FILE = Pattern.compile("@([A-Za-z0-9._-]+)");

        String[] on(TcpTpm t) {
            return java.util.Arrays.stream(command)
                    .map(a -> FILE.matcher(a).replaceAll(m -> Matcher.quoteReplacement(t.file(m.group(1)).toString())))
                    .toArray(String[]::new);
        }

        @Override
        public String toString() {
            return String.join(" ", command);
        }
    }

    private static Step ok(String... command) {
        return new Step(true, command);
    }

    private static Step fails(String... command) {
        return new Step(false, command);
    }

    /**
     * Output as compared: scratch paths neutralised, and TPM2_PT_LOADED_CURVES left out: libtpms
     * 0.9.2 counts its 8 curves, jvtpm implements only P-256, P-384 and P-521 (the known curve
     * difference, see ObjectToolFlowsTest#p192IsTheKnownCurveDifference).
     */
    private static String comparable(String stdout, TcpTpm t) {
        return stdout.replace(t.file("").toString(), "@").replaceAll("(?m)^ *TPM2_PT_LOADED_CURVES: .*\\n", "");
    }

    /** Runs {@code step} on both TPMs and compares exit status, stdout and reported codes. */
    private void same(Step step) throws Exception {
        Tools.Result ref = swtpm.tool(step.on(swtpm));
        Tools.Result sub = jvtpm.tool(step.on(jvtpm));
        assertThat(ref.exit() == 0).as("swtpm: " + step + "\n" + ref).isEqualTo(step.succeeds());
        assertThat(sub.exit()).as("jvtpm: " + step + "\n" + sub).isEqualTo(ref.exit());
        assertThat(comparable(sub.stdout(), jvtpm)).as("stdout of " + step).isEqualTo(comparable(ref.stdout(), swtpm));
        if (ref.exit() != 0) {
            assertThat(Tools.responseCodes(sub.stderr())).as("codes of " + step + "\n" + sub.stderr())
                    .isEqualTo(Tools.responseCodes(ref.stderr()));
        }
    }

    private static final Step[] SCRIPT = {
        // NV: define, public area, write and read with owner and index authorization
        ok("tpm2_nvdefine", "0x1500016", "-C", "o", "-s", "32", "-a", "ownerread|ownerwrite|authread|authwrite",
            "-p", "nvpass"),
        ok("tpm2_nvreadpublic", "0x1500016"),
        fails("tpm2_nvread", "0x1500016", "-C", "o", "-s", "32"),
        ok("tpm2_nvwrite", "0x1500016", "-C", "o", "-i", "@data32"),
        ok("tpm2_nvreadpublic", "0x1500016"),
        ok("tpm2_nvread", "0x1500016", "-C", "o", "-s", "32"),
        ok("tpm2_nvwrite", "0x1500016", "-P", "nvpass", "-i", "@data8", "--offset", "4"),
        ok("tpm2_nvread", "0x1500016", "-P", "nvpass", "-s", "16", "--offset", "2"),
        fails("tpm2_nvread", "0x1500016", "-P", "wrong", "-s", "16"),
        fails("tpm2_nvwrite", "0x1500016", "-C", "o", "-i", "@data32", "--offset", "1"),
        // counter, bit field, extend
        ok("tpm2_nvdefine", "0x1500017", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|nt=counter"),
        ok("tpm2_nvincrement", "0x1500017", "-C", "o"),
        ok("tpm2_nvincrement", "0x1500017", "-C", "o"),
        ok("tpm2_nvread", "0x1500017", "-C", "o", "-s", "8"),
        ok("tpm2_nvdefine", "0x1500018", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|nt=bits"),
        ok("tpm2_nvsetbits", "0x1500018", "-C", "o", "-i", "0x1111"),
        ok("tpm2_nvsetbits", "0x1500018", "-C", "o", "-i", "0x8000000000000000"),
        ok("tpm2_nvread", "0x1500018", "-C", "o", "-s", "8"),
        ok("tpm2_nvdefine", "0x1500019", "-C", "o", "-s", "32", "-g", "sha256", "-a",
            "ownerread|ownerwrite|nt=extend"),
        ok("tpm2_nvextend", "0x1500019", "-C", "o", "-i", "@data32"),
        ok("tpm2_nvread", "0x1500019", "-C", "o", "-s", "32"),
        fails("tpm2_nvincrement", "0x1500019", "-C", "o"),
        // locks
        ok("tpm2_nvdefine", "0x150001A", "-C", "o", "-s", "8", "-a",
            "ownerread|ownerwrite|write_stclear|read_stclear|globallock"),
        ok("tpm2_nvwrite", "0x150001A", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvwritelock", "0x150001A", "-C", "o"),
        fails("tpm2_nvwrite", "0x150001A", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvreadlock", "0x150001A", "-C", "o"),
        fails("tpm2_nvread", "0x150001A", "-C", "o", "-s", "8"),
        ok("tpm2_nvwritelock", "--global", "-C", "o"),
        ok("tpm2_nvreadpublic"),
        ok("tpm2_getcap", "handles-nv-index"),
        ok("tpm2_nvundefine", "0x1500018", "-C", "o"),
        fails("tpm2_nvundefine", "0x1500018", "-C", "o"),
        fails("tpm2_nvdefine", "0x1500016", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite"),
        // a platform index survives TPM2_Clear
        ok("tpm2_nvdefine", "0x1C00010", "-C", "p", "-s", "16", "-a",
            "ppread|ppwrite|ownerread|authread|platformcreate|no_da"),
        ok("tpm2_nvwrite", "0x1C00010", "-C", "p", "-i", "@data8"),
        fails("tpm2_nvundefine", "0x1C00010", "-C", "o"),
        // hierarchy authorizations, DA parameters, primary policies
        ok("tpm2_changeauth", "-c", "o", "ownerpass"),
        ok("tpm2_changeauth", "-c", "e", "endorsepass"),
        ok("tpm2_changeauth", "-c", "l", "lockpass"),
        ok("tpm2_changeauth", "-c", "p", "platpass"),
        ok("tpm2_changeauth", "-c", "o", "-p", "ownerpass", "newowner"),
        fails("tpm2_changeauth", "-c", "o", "-p", "ownerpass", "other"),
        ok("tpm2_dictionarylockout", "-s", "-n", "5", "-t", "6", "-l", "7", "-p", "lockpass"),
        ok("tpm2_getcap", "properties-variable"),
        ok("tpm2_dictionarylockout", "-c", "-p", "lockpass"),
        ok("tpm2_setprimarypolicy", "-C", "o", "-P", "newowner", "-L", "@policy", "-g", "sha256"),
        ok("tpm2_setprimarypolicy", "-C", "e", "-P", "endorsepass", "-L", "@policy", "-g", "sha256"),
        ok("tpm2_clearcontrol", "-C", "l", "-P", "lockpass", "s"),
        fails("tpm2_clear", "-c", "l", "lockpass"),
        fails("tpm2_clearcontrol", "-C", "l", "-P", "lockpass", "c"),
        ok("tpm2_clearcontrol", "-C", "p", "-P", "platpass", "c"),
        ok("tpm2_clear", "-c", "p", "platpass"),
        ok("tpm2_getcap", "properties-variable"),
        ok("tpm2_getcap", "handles-nv-index"),
        ok("tpm2_nvread", "0x1C00010", "-C", "o", "-s", "8"),
        ok("tpm2_changeeps", "-p", "platpass"),
        ok("tpm2_changepps", "-p", "platpass"),
        ok("tpm2_dictionarylockout", "-c"),
        ok("tpm2_nvreadpublic"),
        ok("tpm2_getcap", "properties-variable"),
    };

    @Test
    void nvHierarchyAndDictionaryAttackToolsMatchSwtpm() throws Exception {
        for (Step step : SCRIPT) {
            same(step);
        }
    }

    /** A trial session running one policy command; the digest goes to {@code file}. */
    private static Step[] trial(String file, String... policyCommand) {
        String[] cmd = java.util.Arrays.copyOf(policyCommand, policyCommand.length + 4);
        System.arraycopy(new String[] {"-S", "@trial.ctx", "-L", "@" + file}, 0, cmd, policyCommand.length, 4);
        return new Step[] {ok("tpm2_startauthsession", "-S", "@trial.ctx"), ok(cmd), ok("tpm2_flushcontext", "@trial.ctx")};
    }

    /** A policy session @s.ctx satisfying one branch of the index policy: its command code, then the OR. */
    private static Step[] branch(String commandCode) {
        return new Step[] {
            ok("tpm2_startauthsession", "--policy-session", "-S", "@s.ctx"),
            ok("tpm2_policycommandcode", "-S", "@s.ctx", commandCode),
            ok("tpm2_policyor", "-S", "@s.ctx", "-l", "sha256:@ccw.policy,@ccr.policy,@cca.policy"),
        };
    }

    private static Step[] script(Object... parts) {
        List<Step> out = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof Step[] steps) {
                out.addAll(List.of(steps));
            } else {
                out.add((Step) p);
            }
        }
        return out.toArray(new Step[0]);
    }

    /** PIN indexes, policy-authorized indexes, UndefineSpaceSpecial, STCLEAR locks before a restart. */
    private static final Step[] PIN_POLICY_LOCKS = script(
        // PIN Fail: wrong PINs count up to pinLimit, then even the right PIN fails until the owner resets pinCount
        ok("tpm2_nvdefine", "0x1500060", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|authread|no_da|nt=pinfail",
            "-p", "1234"),
        ok("tpm2_nvwrite", "0x1500060", "-C", "o", "-i", "@pin-0-2"),
        ok("tpm2_nvread", "0x1500060", "-P", "1234", "-s", "8"),
        fails("tpm2_nvread", "0x1500060", "-P", "0000", "-s", "8"),
        ok("tpm2_nvread", "0x1500060", "-C", "o", "-s", "8"),
        fails("tpm2_nvread", "0x1500060", "-P", "0000", "-s", "8"),
        fails("tpm2_nvread", "0x1500060", "-P", "1234", "-s", "8"),
        ok("tpm2_nvread", "0x1500060", "-C", "o", "-s", "8"),
        ok("tpm2_nvwrite", "0x1500060", "-C", "o", "-i", "@pin-0-2"),
        ok("tpm2_nvread", "0x1500060", "-P", "1234", "-s", "8"),
        fails("tpm2_nvwrite", "0x1500060", "-P", "1234", "-i", "@pin-0-2"),
        fails("tpm2_nvdefine", "0x1500065", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|authread|nt=pinfail"),
        // PIN Pass: every use with the PIN counts, up to pinLimit
        ok("tpm2_nvdefine", "0x1500061", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|authread|nt=pinpass",
            "-p", "5678"),
        ok("tpm2_nvwrite", "0x1500061", "-C", "o", "-i", "@pin-0-2"),
        ok("tpm2_nvread", "0x1500061", "-P", "5678", "-s", "8"),
        ok("tpm2_nvread", "0x1500061", "-P", "5678", "-s", "8"),
        fails("tpm2_nvread", "0x1500061", "-P", "5678", "-s", "8"),
        ok("tpm2_nvread", "0x1500061", "-C", "o", "-s", "8"),
        fails("tpm2_nvdefine", "0x1500066", "-C", "o", "-s", "4", "-a", "ownerread|ownerwrite|authread|nt=pinpass"),
        // an index authorized by policy: PolicyOR of PolicyCommandCode(NV_Write / NV_Read / NV_ChangeAuth)
        trial("ccw.policy", "tpm2_policycommandcode", "TPM2_CC_NV_Write"),
        trial("ccr.policy", "tpm2_policycommandcode", "TPM2_CC_NV_Read"),
        trial("cca.policy", "tpm2_policycommandcode", "TPM2_CC_NV_ChangeAuth"),
        trial("nv.policy", "tpm2_policyor", "-l", "sha256:@ccw.policy,@ccr.policy,@cca.policy"),
        ok("tpm2_nvdefine", "0x1500062", "-C", "o", "-s", "16", "-a", "policyread|policywrite|authread|ownerread",
            "-L", "@nv.policy"),
        fails("tpm2_nvwrite", "0x1500062", "-C", "0x1500062", "-i", "@data8"),
        branch("TPM2_CC_NV_Write"),
        ok("tpm2_nvwrite", "0x1500062", "-C", "0x1500062", "-P", "session:@s.ctx", "-i", "@data8"),
        ok("tpm2_flushcontext", "-s"),
        branch("TPM2_CC_NV_Read"),
        fails("tpm2_nvwrite", "0x1500062", "-C", "0x1500062", "-P", "session:@s.ctx", "-i", "@data8"),
        ok("tpm2_flushcontext", "-s"),
        branch("TPM2_CC_NV_Read"),
        ok("tpm2_nvread", "0x1500062", "-C", "0x1500062", "-P", "session:@s.ctx", "-s", "8"),
        ok("tpm2_flushcontext", "-s"),
        fails("tpm2_changeauth", "-c", "0x1500062", "nvpass"),
        branch("TPM2_CC_NV_ChangeAuth"),
        ok("tpm2_changeauth", "-c", "0x1500062", "-p", "session:@s.ctx", "nvpass"),
        ok("tpm2_flushcontext", "-s"),
        ok("tpm2_nvread", "0x1500062", "-C", "0x1500062", "-P", "nvpass", "-s", "8"),
        fails("tpm2_nvread", "0x1500062", "-C", "0x1500062", "-P", "wrong", "-s", "8"),
        ok("tpm2_nvreadpublic", "0x1500062"),
        // a platform index deleted only by TPM2_NV_UndefineSpaceSpecial with its policy
        trial("del.policy", "tpm2_policycommandcode", "TPM2_CC_NV_UndefineSpaceSpecial"),
        ok("tpm2_nvdefine", "0x1C00012", "-C", "p", "-s", "8", "-a",
            "ppread|ppwrite|authread|authwrite|platformcreate|policydelete", "-L", "@del.policy"),
        fails("tpm2_nvundefine", "0x1C00012", "-C", "p"),
        ok("tpm2_startauthsession", "--policy-session", "-S", "@d.ctx"),
        ok("tpm2_policycommandcode", "-S", "@d.ctx", "TPM2_CC_NV_Write"),
        fails("tpm2_nvundefine", "0x1C00012", "-C", "p", "-S", "@d.ctx"),
        ok("tpm2_flushcontext", "-s"),
        ok("tpm2_startauthsession", "--policy-session", "-S", "@d.ctx"),
        ok("tpm2_policycommandcode", "-S", "@d.ctx", "TPM2_CC_NV_UndefineSpaceSpecial"),
        ok("tpm2_nvundefine", "0x1C00012", "-C", "p", "-S", "@d.ctx"),
        ok("tpm2_flushcontext", "-s"),
        fails("tpm2_nvreadpublic", "0x1C00012"),
        // locks that TPM2_Startup(CLEAR) lifts, and a WRITEDEFINE lock that it does not
        ok("tpm2_nvdefine", "0x1500064", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|read_stclear|write_stclear"),
        ok("tpm2_nvwrite", "0x1500064", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvwritelock", "0x1500064", "-C", "o"),
        ok("tpm2_nvreadlock", "0x1500064", "-C", "o"),
        fails("tpm2_nvwrite", "0x1500064", "-C", "o", "-i", "@data8"),
        fails("tpm2_nvread", "0x1500064", "-C", "o", "-s", "8"),
        ok("tpm2_nvdefine", "0x1500067", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|writedefine"),
        ok("tpm2_nvwrite", "0x1500067", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvwritelock", "0x1500067", "-C", "o"),
        ok("tpm2_nvdefine", "0x1500068", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|globallock"),
        ok("tpm2_nvwritelock", "--global", "-C", "o"),
        fails("tpm2_nvwrite", "0x1500068", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvreadpublic"),
        ok("tpm2_shutdown", "-c"));

    /** After the restart: STCLEAR locks lifted, WRITEDEFINE kept; lockout by wrong passwords; TPM2_Clear. */
    private static final Step[] AFTER_RESTART = script(
        ok("tpm2_startup", "-c"),
        ok("tpm2_nvreadpublic"),
        ok("tpm2_nvread", "0x1500064", "-C", "o", "-s", "8"),
        ok("tpm2_nvwrite", "0x1500064", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvwrite", "0x1500068", "-C", "o", "-i", "@data8"),
        fails("tpm2_nvwrite", "0x1500067", "-C", "o", "-i", "@data8"),
        ok("tpm2_nvread", "0x1500061", "-C", "o", "-s", "8"),
        // lockout reached by wrong passwords of a DA-protected index
        ok("tpm2_dictionarylockout", "-s", "-n", "2", "-t", "600", "-l", "1200"),
        ok("tpm2_nvdefine", "0x1500063", "-C", "o", "-s", "8", "-a", "ownerread|ownerwrite|authread|authwrite",
            "-p", "dapass"),
        ok("tpm2_nvwrite", "0x1500063", "-P", "dapass", "-i", "@data8"),
        fails("tpm2_nvread", "0x1500063", "-P", "bad", "-s", "8"),
        ok("tpm2_getcap", "properties-variable"),
        fails("tpm2_nvread", "0x1500063", "-P", "bad", "-s", "8"),
        fails("tpm2_nvread", "0x1500063", "-P", "dapass", "-s", "8"),
        ok("tpm2_getcap", "properties-variable"),
        ok("tpm2_nvread", "0x1500060", "-P", "1234", "-s", "8"),
        ok("tpm2_dictionarylockout", "-c"),
        ok("tpm2_nvread", "0x1500063", "-P", "dapass", "-s", "8"),
        ok("tpm2_getcap", "properties-variable"),
        // TPM2_Clear with lockout authorization: owner indexes go, platform indexes stay
        ok("tpm2_nvdefine", "0x1C00013", "-C", "p", "-s", "8", "-a", "ppread|ppwrite|ownerread|platformcreate"),
        ok("tpm2_changeauth", "-c", "o", "ownerpw"),
        ok("tpm2_clear"),
        ok("tpm2_getcap", "handles-nv-index"),
        ok("tpm2_getcap", "properties-variable"),
        ok("tpm2_changeauth", "-c", "o", "ownerpw2"),
        // a wrong lockout password locks lockoutAuth itself until lockoutRecovery
        ok("tpm2_changeauth", "-c", "l", "lockpw"),
        fails("tpm2_dictionarylockout", "-c", "-p", "bad"),
        fails("tpm2_dictionarylockout", "-c", "-p", "lockpw"),
        fails("tpm2_clear", "lockpw"),
        ok("tpm2_getcap", "properties-variable"),
        ok("tpm2_clear", "-c", "p"),
        ok("tpm2_getcap", "properties-variable"));

    @Test
    void pinPolicyLockAndLockoutToolsMatchSwtpm() throws Exception {
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            Files.write(t.file("pin-0-2"), new byte[] {0, 0, 0, 0, 0, 0, 0, 2});
        }
        for (Step step : PIN_POLICY_LOCKS) {
            same(step);
        }
        jvtpm.restart();
        swtpm.restart();
        for (Step step : AFTER_RESTART) {
            same(step);
        }
    }

    /** Defines indexes on both with password sessions (raw commands), which tpm2-tools cannot send. */
    private void defineOnBoth(int index, int auth, int attributes, int nameAlg, int size) throws Exception {
        byte[] cmd = Commands.nvDefineSpace(auth, new byte[0], "pw".getBytes(), index, nameAlg, attributes,
                new byte[0], size);
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            assertThat(t.rc(cmd)).as(t + " defines " + Integer.toHexString(index)).isZero();
        }
    }

    private void writeOnBoth(int auth, int index, byte[] data) throws Exception {
        byte[] cmd = Commands.nvWrite(auth, new byte[0], index, data, 0);
        for (TcpTpm t : List.of(jvtpm, swtpm)) {
            assertThat(t.rc(cmd)).as(t + " writes " + Integer.toHexString(index)).isZero();
        }
    }

    @Test
    void nvReadPublicAndNvCapabilitiesMatchSwtpm() throws Exception {
        int rw = NvAttributes.OWNERREAD | NvAttributes.OWNERWRITE;
        defineOnBoth(0x01500001, TpmHandles.RH_OWNER, rw | NvAttributes.AUTHREAD | NvAttributes.AUTHWRITE,
                TpmAlgId.SHA256, 100);
        defineOnBoth(0x01500002, TpmHandles.RH_OWNER, rw | (NvAttributes.NT_COUNTER << 4) | NvAttributes.ORDERLY,
                TpmAlgId.SHA1, 8);
        defineOnBoth(0x01500003, TpmHandles.RH_OWNER, rw | (NvAttributes.NT_EXTEND << 4), TpmAlgId.SHA384, 48);
        defineOnBoth(0x01500004, TpmHandles.RH_OWNER, rw | (NvAttributes.NT_PIN_FAIL << 4) | NvAttributes.NO_DA,
                TpmAlgId.SHA512, 8);
        defineOnBoth(0x01C00002, TpmHandles.RH_PLATFORM, NvAttributes.PPREAD | NvAttributes.PPWRITE
                | NvAttributes.OWNERREAD | NvAttributes.AUTHREAD | NvAttributes.NO_DA | NvAttributes.WRITEDEFINE
                | NvAttributes.PLATFORMCREATE, TpmAlgId.SHA256, 1020);
        writeOnBoth(TpmHandles.RH_OWNER, 0x01500001, bytes(10, 4));
        writeOnBoth(TpmHandles.RH_PLATFORM, 0x01C00002, bytes(1000, 5));
        same(ok("tpm2_nvreadpublic"));
        for (String index : new String[] {"0x1500001", "0x1500002", "0x1500003", "0x1500004", "0x1C00002"}) {
            same(ok("tpm2_nvreadpublic", index));
        }
        same(fails("tpm2_nvreadpublic", "0x1500005"));
        same(ok("tpm2_getcap", "handles-nv-index"));
        same(ok("tpm2_getcap", "properties-variable"));
        // Power cycle both (the processes restart on their state) and compare again.
        jvtpm.restart();
        swtpm.restart();
        same(ok("tpm2_startup", "-c"));
        same(ok("tpm2_nvreadpublic"));
        same(ok("tpm2_getcap", "properties-variable"));
    }
}
