package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Without Chromium the browser check is skipped with the reason on a user's machine, and fails under CI=true. */
class HeadlessChromiumTest {

    @TempDir
    Path dir;

    @Test
    void withoutChromiumTheCheckIsSkippedWithTheReason() {
        List<Path> nowhere = List.of(dir.resolve("chromium"));

        assertThatThrownBy(() -> HeadlessChromium.require(dir, nowhere, Map.of()))
                .isInstanceOf(TestAbortedException.class)
                .hasMessageContaining("Chromium is not installed")
                .hasMessageContaining("apt-get install -y chromium");
    }

    @Test
    void withoutChromiumTheCheckFailsUnderCi() {
        List<Path> nowhere = List.of(dir.resolve("chromium"));

        assertThatThrownBy(() -> HeadlessChromium.require(dir, nowhere, Map.of("CI", "true")))
                .isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("CI=true");
    }

    @Test
    void findsTheFirstExecutableCandidate() throws Exception {
        Path executable = Files.createFile(dir.resolve("chromium-browser"));
        assertThat(executable.toFile().setExecutable(true)).isTrue();

        assertThat(HeadlessChromium.require(dir, List.of(dir.resolve("chromium"), executable), Map.of("CI", "true")))
                .isNotNull();
        assertThat(HeadlessChromium.candidates("/opt/a:/opt/b")).containsExactly(Path.of("/usr/bin/chromium"),
                Path.of("/opt/a/chromium"), Path.of("/opt/a/chromium-browser"), Path.of("/opt/b/chromium"),
                Path.of("/opt/b/chromium-browser"));
    }
}
