package io.github.youshu.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The figures of one run as Markdown, printed as they come and written to
 * {@code <results>/summary.md} at the end, ready to be copied into BENCHMARKS.md.
 */
public final class Report {

    private final StringBuilder markdown = new StringBuilder();
    private final PrintStream out;
    private final Path directory;

    /** @param directory where the run's files go; created when missing */
    public Report(Path directory, PrintStream out) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.out = out;
    }

    /** The directory for this run's result files (JMH JSON, summary). */
    public Path directory() {
        return directory;
    }

    /** Adds a line (or several) of Markdown and prints it. */
    public void line(String text) {
        markdown.append(text).append('\n');
        out.println(text);
        out.flush();
    }

    /** Adds a formatted line (in the root locale). */
    public void line(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    /** A progress message: printed, not part of the summary. */
    public void progress(String format, Object... args) {
        out.println("# " + String.format(Locale.ROOT, format, args));
        out.flush();
    }

    /** Writes the summary and returns its path. */
    public Path write() throws IOException {
        Path summary = directory.resolve("summary.md");
        Files.writeString(summary, markdown, StandardCharsets.UTF_8);
        return summary;
    }

    /** Bytes as MiB with one decimal. */
    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0));
    }
}
