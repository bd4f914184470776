package dev.jvtpm.daemon.interop.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Boots a real Linux guest under QEMU (TCG) with its TPM served by the selected vTPM backend
 * ({@code -Djvtpm.qemu.backend=swtpm|jvtpm}, default {@link VtpmBackend#DEFAULT}) and checks, from
 * what the guest printed, that a real kernel and real firmware cannot tell the backend from a TPM:
 * the kernel binds a TPM 2.0 with the driver the device calls for, every PCR the guest reads equals
 * the replay of the firmware's event log (or the PC Client reset value where nothing measured),
 * and raw TPM2_GetRandom through {@code /dev/tpmrm0} answers with fresh bytes. The backend is
 * started exactly as libvirt starts swtpm and must exit cleanly once QEMU is gone.
 *
 * <p>Console, QEMU output, backend log, the event log and a timing summary of every boot are kept
 * under {@code daemon/target/qemu-interop/<platform>-<backend>/}.
 */
@Tag("qemu")
class QemuGuestBootTest {

    private static final Duration BOOT_LIMIT = Duration.ofSeconds(Long.getLong("jvtpm.qemu.bootTimeoutSeconds", 120));
    /**
     * We wait longer than libvirt's 1 s for the control socket (bin/jvtpm may build itself on first
     * use), but the summary says when libvirt would have given up.
     */
    private static final Duration SOCKET_LIMIT = Duration.ofSeconds(Long.getLong("jvtpm.qemu.socketTimeoutSeconds", 30));
    private static final Duration LIBVIRT_SOCKET_BUDGET = Duration.ofSeconds(1);
    private static final Duration BACKEND_EXIT_LIMIT = Duration.ofSeconds(15);
    private static final int PCR_COUNT = 24;
    /** PC Client PTP: PCRs 17–22 (DRTM) read all ones after a TPM2_Startup without a dynamic launch. */
    private static final int FIRST_DRTM_PCR = 17;
    private static final int LAST_DRTM_PCR = 22;
    private static final int IMA_PCR = 10;

    private static Path repoRoot;
    private static GuestKernel kernel;
    private static Path initramfs;
    private static VtpmBackend backend;

    @TempDir
    Path scratch;

    private VtpmProcess vtpm;
    private QemuGuest guest;

    @BeforeAll
    static void prepareGuest() throws Exception {
        repoRoot = RepoRoot.find();
        backend = VtpmBackend.selected(repoRoot);
        ArtifactCache cache = ArtifactCache.standard();
        kernel = GuestKernel.resolve(cache);
        initramfs = GuestInitramfs.build(cache);
    }

    @AfterEach
    void stopProcesses() {
        try {
            if (guest != null) {
                guest.close();
            }
        } finally {
            if (vtpm != null) {
                vtpm.close();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(GuestPlatform.class)
    void guestSeesTpm2WithPcrsReplayingTheFirmwareLogAndRandomBytes(GuestPlatform platform) throws Exception {
        Path artifacts = repoRoot.resolve("daemon/target/qemu-interop/" + platform.slug() + "-" + backend.name());
        ArtifactCache.deleteRecursively(artifacts);
        Files.createDirectories(artifacts);
        Path state = Files.createDirectories(scratch.resolve("state"));
        Path ctrlSocket = scratch.resolve("ctrl.sock"); // under /tmp: sun_path holds only 108 bytes

        vtpm = backend.start(state, ctrlSocket, artifacts.resolve(backend.name() + ".log"));
        Duration socketWait = vtpm.awaitControlSocket(SOCKET_LIMIT);
        guest = QemuGuest.boot(platform, kernel.vmlinuz(), initramfs, ctrlSocket, artifacts);
        QemuGuest.Outcome boot = guest.awaitExit(BOOT_LIMIT);
        OptionalInt backendExit = boot.finished() ? vtpm.awaitExit(BACKEND_EXIT_LIMIT) : OptionalInt.empty();
        Supplier<String> diagnostics = () -> "\nartifacts: " + artifacts + "\n" + guest.diagnostics() + vtpm.diagnostics();

        GuestReport report = GuestReport.parse(guest.consoleText());
        writeSummary(artifacts, platform, socketWait, boot, backendExit, report);
        saveGuestReadings(artifacts, report);

        assertThat(boot.finished())
                .as(() -> "guest did not power off within " + BOOT_LIMIT.toSeconds() + " s (QEMU killed)" + diagnostics.get())
                .isTrue();
        assertThat(report.done())
                .as(() -> "guest /init did not finish; sections seen: " + report.sections().keySet() + diagnostics.get())
                .isTrue();
        assertThat(backendExit)
                .as(() -> backend.name() + " (--terminate) must exit 0 once QEMU has closed the data channel"
                        + diagnostics.get())
                .isEqualTo(OptionalInt.of(0));

        try {
            SoftAssertions soft = new SoftAssertions();
            checkTpmFound(platform, report, soft);
            checkPcrsReplayEventLog(report, soft);
            checkGetRandom(report, soft);
            soft.assertAll();
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e + diagnostics.get(), e);
        }
    }

    /** Check 1: the kernel found a TPM 2.0 and bound it with the driver for this interface. */
    private static void checkTpmFound(GuestPlatform platform, GuestReport report, SoftAssertions soft) {
        soft.assertThat(report.firstLine("tpm-version-major"))
                .as("/sys/class/tpm/tpm0/tpm_version_major").hasValue("2");
        soft.assertThat(report.firstLine("tpm-driver"))
                .as("driver bound to tpm0 for -device " + platform.tpmDevice()).hasValue(platform.linuxDriver());
    }

    /**
     * Check 2: every PCR of every bank the guest sees equals the replay of the firmware log where
     * the log extends it; PCR 10 (SHA-1) equals the replay of IMA's own list; all others hold their
     * reset value.
     */
    private static void checkPcrsReplayEventLog(GuestReport report, SoftAssertions soft) {
        Map<PcrBank, Map<Integer, byte[]>> guestPcrs = report.pcrs();
        assertThat(guestPcrs).as("PCR banks under /sys/class/tpm/tpm0/pcr-*").isNotEmpty();
        byte[] logBytes = report.eventLog().orElseThrow(() -> new AssertionError(
                "no firmware event log at /sys/kernel/security/tpm0/binary_bios_measurements, but this firmware provides one"));
        Map<PcrBank, Map<Integer, byte[]>> replay = TcgEventLog.parse(logBytes).replay();

        soft.assertThat(replay.keySet()).as("banks the firmware log measures vs banks the guest reads")
                .isEqualTo(guestPcrs.keySet());
        List<String> ima = report.imaMeasurements();
        for (Map.Entry<PcrBank, Map<Integer, byte[]>> bank : guestPcrs.entrySet()) {
            PcrBank b = bank.getKey();
            Map<Integer, byte[]> measured = replay.getOrDefault(b, Map.of());
            soft.assertThat(measured.keySet()).as("PCRs the firmware log extends in %s", b)
                    .containsAll(IntStream.rangeClosed(0, 7).boxed().toList());
            soft.assertThat(bank.getValue().keySet()).as("PCR indices read in %s", b)
                    .containsExactlyElementsOf(IntStream.range(0, PCR_COUNT).boxed().toList());
            for (Map.Entry<Integer, byte[]> pcr : bank.getValue().entrySet()) {
                int i = pcr.getKey();
                String actual = hex(pcr.getValue());
                if (measured.containsKey(i)) {
                    soft.assertThat(actual).as("%s PCR %d vs replay of the firmware event log", b, i)
                            .isEqualTo(hex(measured.get(i)));
                } else if (i == IMA_PCR && !ima.isEmpty()) {
                    if (b == PcrBank.SHA1) {
                        soft.assertThat(actual).as("sha1 PCR 10 vs replay of IMA's measurement list %s", ima)
                                .isEqualTo(hex(replayImaSha1(ima)));
                    } else {
                        // The ascii list shows only SHA-1 template hashes; other banks get per-bank digests.
                        soft.assertThat(actual).as("%s PCR 10 after IMA's %d measurement(s)", b, ima.size())
                                .isNotEqualTo(hex(resetValue(b, i)));
                    }
                } else {
                    soft.assertThat(actual).as("%s PCR %d, which nothing measured, vs its reset value", b, i)
                            .isEqualTo(hex(resetValue(b, i)));
                }
            }
        }
    }

    /** Check 3: raw TPM2_GetRandom(16) through the kernel resource manager, twice. */
    private static void checkGetRandom(GuestReport report, SoftAssertions soft) {
        List<String> responses = report.getRandomResponses();
        soft.assertThat(responses).as("raw TPM2_GetRandom responses from /dev/tpmrm0").hasSize(2);
        byte[][] randoms = new byte[responses.size()][];
        for (int n = 0; n < responses.size(); n++) {
            String hex = responses.get(n);
            // TPM_ST_NO_SESSIONS, responseSize 28, TPM_RC_SUCCESS, TPM2B_DIGEST of 16 bytes.
            soft.assertThat(hex).as("GetRandom response %d header", n).startsWith("80010000001c000000000010");
            if (!hex.matches("[0-9a-f]{56}")) {
                soft.fail("GetRandom response %d is not 28 bytes: %s", n, hex);
                continue;
            }
            randoms[n] = HexFormat.of().parseHex(hex.substring(24));
            soft.assertThat(distinct(randoms[n])).as("distinct byte values among the 16 random bytes of response %d: %s", n, hex)
                    .isGreaterThan(4);
        }
        if (randoms.length == 2 && randoms[0] != null && randoms[1] != null) {
            soft.assertThat(hex(randoms[1])).as("second GetRandom vs first").isNotEqualTo(hex(randoms[0]));
        }
    }

    /** PCR 10's SHA-1 bank from IMA's ascii list: {@code <pcr> <template sha1> <template> ...}. */
    private static byte[] replayImaSha1(List<String> ima) {
        byte[] pcr = new byte[PcrBank.SHA1.digestSize()];
        for (String line : ima) {
            String[] f = line.trim().split("\\s+");
            if (Integer.parseInt(f[0]) != IMA_PCR) {
                continue;
            }
            byte[] template = HexFormat.of().parseHex(f[1]);
            if (Arrays.equals(template, new byte[template.length])) {
                Arrays.fill(template, (byte) 0xff); // an IMA "violation" is logged as zeros, extended as ones
            }
            pcr = PcrBank.SHA1.extend(pcr, template);
        }
        return pcr;
    }

    private static byte[] resetValue(PcrBank bank, int pcr) {
        byte[] v = new byte[bank.digestSize()];
        if (pcr >= FIRST_DRTM_PCR && pcr <= LAST_DRTM_PCR) {
            Arrays.fill(v, (byte) 0xff);
        }
        return v;
    }

    private static long distinct(byte[] b) {
        return IntStream.range(0, b.length).map(i -> b[i]).distinct().count();
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** Keeps the guest's event log and PCR readout beside the console (how the unit-test captures were made). */
    private static void saveGuestReadings(Path artifacts, GuestReport report) throws IOException {
        Optional<List<String>> pcrs = report.section("pcrs");
        if (pcrs.isPresent()) {
            Files.write(artifacts.resolve("pcrs.txt"), pcrs.get(), StandardCharsets.UTF_8);
        }
        try {
            Optional<byte[]> log = report.eventLog();
            if (log.isPresent()) {
                Files.write(artifacts.resolve("binary_bios_measurements"), log.get());
            }
        } catch (IllegalArgumentException e) {
            // Not base64: the PCR check reports it, with the console.
        }
    }

    private void writeSummary(Path artifacts, GuestPlatform platform, Duration socketWait, QemuGuest.Outcome boot,
            OptionalInt backendExit, GuestReport report) throws IOException {
        String summary = String.join("\n",
                "platform: " + platform + " (-machine " + platform.machine() + ", -device " + platform.tpmDevice() + ")",
                "backend: " + backend.name() + " pid " + vtpm.pid() + ": " + String.join(" ", vtpm.commandLine()),
                "kernel: " + kernel.packageName() + " " + kernel.version() + " (" + kernel.vmlinuz() + ")",
                "initramfs: " + initramfs,
                "control socket appeared after: " + socketWait.toMillis() + " ms"
                        + (socketWait.compareTo(LIBVIRT_SOCKET_BUDGET) > 0 ? " (longer than libvirt's 1 s budget)" : ""),
                "boot (QEMU start to exit): " + boot.elapsed().toMillis() + " ms, finished " + boot.finished()
                        + ", exit " + boot.exitCode(),
                "backend exit: " + (backendExit.isPresent() ? String.valueOf(backendExit.getAsInt()) : "none"),
                "event log: " + report.firstLine("eventlog-status").orElse("(not reported)"),
                "guest sections: " + report.sections().keySet().stream().collect(Collectors.joining(", ")),
                "");
        Files.writeString(artifacts.resolve("summary.txt"), summary, StandardCharsets.UTF_8);
        System.out.print(summary);
    }
}
