package io.github.youshu.simulator;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Drives the system's Chromium in headless mode through {@link ProcessBuilder} (no browser-automation
 * dependency): renders a page and returns the DOM after its scripts ran, with the browser's console log, or
 * takes a screenshot. The flags keep it off the network and away from the user's profile.
 */
final class HeadlessChromium {

    /** What a render gave: the DOM as serialized after load, and Chromium's log (console messages included). */
    record Rendered(String dom, String log) {
    }

    private static final long TIMEOUT_SECONDS = 120;

    private final Path executable;
    private final Path workDir;

    private HeadlessChromium(Path executable, Path workDir) {
        this.executable = executable;
        this.workDir = workDir;
    }

    /**
     * The installed Chromium for a test: the first executable of {@code candidates}. When there is none the test
     * is skipped with the reason (a JUnit assumption), unless {@code env} has {@code CI=true}: then it fails.
     *
     * @param workDir    a fresh directory for the browser profile and output files
     * @param candidates where to look, see {@link #candidates}
     * @param env        the environment ({@code CI})
     */
    static HeadlessChromium require(Path workDir, List<Path> candidates, Map<String, String> env) {
        Optional<Path> executable = candidates.stream().filter(Files::isExecutable).findFirst();
        String missing = "Chromium is not installed (looked for " + candidates.stream().limit(3).toList()
                + " and the rest of the PATH)";
        if (executable.isEmpty() && "true".equalsIgnoreCase(env.get("CI"))) {
            Assertions.fail(missing + " but CI=true: install it (apt-get install -y chromium) so the simulator page"
                    + " is checked");
        }
        Assumptions.assumeTrue(executable.isPresent(), missing + ", so the browser check of the simulator page is"
                + " skipped; install it (apt-get install -y chromium) to run it");
        return new HeadlessChromium(executable.get(), workDir);
    }

    /** {@code /usr/bin/chromium}, then {@code chromium} and {@code chromium-browser} in each {@code PATH} entry. */
    static List<Path> candidates(String path) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(Path.of("/usr/bin/chromium"));
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    candidates.add(Path.of(dir, "chromium"));
                    candidates.add(Path.of(dir, "chromium-browser"));
                }
            }
        }
        return candidates;
    }

    /** Loads {@code url} and returns the DOM after its scripts ran ({@code --dump-dom}) and the browser log. */
    Rendered dumpDom(String url) throws IOException, InterruptedException {
        Path out = workDir.resolve("dom.html");
        Path log = run(out, "--dump-dom", url);
        return new Rendered(Files.readString(out, StandardCharsets.UTF_8), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Takes a PNG screenshot of {@code url} in a window of {@code width} x {@code height} pixels. */
    String screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
        Path log = run(workDir.resolve("screenshot.out"), "--screenshot=" + png.toAbsolutePath(),
                "--window-size=" + width + "," + height, "--hide-scrollbars", url);
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private Path run(Path stdout, String... arguments) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "chromium", ".log");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=zh-CN",
                "--user-data-dir=" + workDir.resolve("profile").toAbsolutePath(), "--enable-logging=stderr",
                "--v=0"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(log.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Chromium exited with " + process.exitValue() + ": "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return log;
    }

    /** The console lines of a Chromium log that report a script error. */
    static List<String> scriptErrors(String log) {
        try (Stream<String> lines = log.lines()) {
            return lines.filter(line -> line.contains(":CONSOLE") && (line.contains("Uncaught")
                    || line.contains("Error"))).toList();
        }
    }
}
