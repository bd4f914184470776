package dev.jvtpm.daemon.interop.qemu;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The guest's Linux kernel: Debian's stock bookworm {@code linux-image-*-amd64}, whose TPM drivers
 * (tpm_tis, tpm_crb), securityfs and EFI stub are built in, so no modules are needed. The package
 * is fetched with {@code apt-get download} (never installed) and only {@code /boot/vmlinuz-*}
 * is unpacked from it into the {@link ArtifactCache}, keyed by package name and version.
 *
 * @param packageName e.g. {@code linux-image-6.1.0-56-amd64}
 * @param version     the Debian package version, e.g. {@code 6.1.192-2}
 * @param vmlinuz     the bzImage QEMU boots with {@code -kernel}
 */
record GuestKernel(String packageName, String version, Path vmlinuz) {

    /** Boots this bzImage instead (the package name and version are then reported as "override"). */
    static final String PROPERTY = "jvtpm.qemu.kernel";

    /** The metapackage naming the current kernel ABI of the release. */
    private static final String METAPACKAGE = "linux-image-amd64";
    private static final Pattern DEPENDS = Pattern.compile("^Depends:.*?\\b(linux-image-[0-9][^ ,()]*-amd64) \\(= ([^)]+)\\)",
            Pattern.MULTILINE);
    private static final Duration APT_TIMEOUT = Duration.ofMinutes(5);

    /** The kernel named by {@code -Djvtpm.qemu.kernel}, else the candidate of {@code linux-image-amd64}. */
    static GuestKernel resolve(ArtifactCache cache) throws IOException, InterruptedException {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            Path p = Path.of(override);
            if (!Files.isReadable(p)) {
                throw new IOException("-D" + PROPERTY + "=" + override + " is not a readable file");
            }
            return new GuestKernel("override", "override", p);
        }
        String record = HostCommand.run(List.of("apt-cache", "show", "--no-all-versions", METAPACKAGE),
                Path.of("/"), APT_TIMEOUT);
        Matcher m = DEPENDS.matcher(record);
        if (!m.find()) {
            throw new IOException("cannot tell the kernel package from apt-cache's " + METAPACKAGE
                    + " record (run apt-get update?):\n" + record);
        }
        return fetch(cache, m.group(1), m.group(2));
    }

    private static GuestKernel fetch(ArtifactCache cache, String pkg, String version) throws IOException, InterruptedException {
        Path dir = cache.entry("kernel/" + pkg + "_" + version.replace(':', '%'));
        Path vmlinuz = dir.resolve("vmlinuz");
        if (Files.isRegularFile(vmlinuz)) {
            return new GuestKernel(pkg, version, vmlinuz);
        }
        Path work = cache.newWorkDir();
        try {
            HostCommand.run(List.of("apt-get", "download", "-q", pkg + "=" + version), work, APT_TIMEOUT);
            Path deb;
            try (Stream<Path> s = Files.list(work)) {
                deb = s.filter(p -> p.getFileName().toString().endsWith(".deb")).findFirst()
                        .orElseThrow(() -> new IOException("apt-get download left no .deb in " + work));
            }
            Path unpacked = work.resolve("unpacked");
            Files.createDirectories(unpacked);
            extractKernelImage(deb, unpacked);
            Path image;
            try (Stream<Path> s = Files.list(unpacked.resolve("boot"))) {
                image = s.filter(p -> p.getFileName().toString().startsWith("vmlinuz-")).findFirst()
                        .orElseThrow(() -> new IOException(deb + " holds no /boot/vmlinuz-*"));
            }
            Path result = work.resolve("result");
            Files.createDirectories(result);
            Files.move(image, result.resolve("vmlinuz"));
            ArtifactCache.publish(result, dir);
        } finally {
            ArtifactCache.deleteRecursively(work);
        }
        return new GuestKernel(pkg, version, vmlinuz);
    }

    /**
     * {@code dpkg-deb --fsys-tarfile deb | tar -x ./boot/vmlinuz-*}: like {@code dpkg -x}, but
     * writes only the kernel image instead of the package's ~400 MB of modules.
     */
    private static void extractKernelImage(Path deb, Path into) throws IOException, InterruptedException {
        List<Process> pipeline = ProcessBuilder.startPipeline(List.of(
                new ProcessBuilder("dpkg-deb", "--fsys-tarfile", deb.toString())
                        .redirectError(ProcessBuilder.Redirect.INHERIT),
                new ProcessBuilder("tar", "-x", "-f", "-", "-C", into.toString(), "--wildcards", "./boot/vmlinuz-*")
                        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)));
        for (Process p : pipeline) {
            if (!p.waitFor(APT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                pipeline.forEach(Process::destroyForcibly);
                throw new IOException("unpacking " + deb + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new IOException("unpacking " + deb + " failed: " + p.info().commandLine().orElse("dpkg-deb | tar")
                        + " exited " + p.exitValue());
            }
        }
    }
}
