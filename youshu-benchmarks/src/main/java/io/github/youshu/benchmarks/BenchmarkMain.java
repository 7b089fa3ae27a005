package io.github.youshu.benchmarks;

import io.github.youshu.benchmarks.caller.CallerCostRun;
import io.github.youshu.benchmarks.checkout.OutboxCostRun;
import io.github.youshu.benchmarks.delivery.DeliveryThroughputRun;
import io.github.youshu.benchmarks.growth.BacklogGrowthRun;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the benchmarks: {@code java -jar benchmarks.jar [caller] [checkout] [delivery] [growth] [quick] [--out DIR]}.
 * Without a part named, all run. {@code quick} (or {@code -Dyoushu.bench.quick=true}) runs small
 * counts and few iterations, to prove that the benchmarks still work; no figure is asserted. Exits
 * with 1 when a benchmark breaks (an error, or events not all delivered).
 */
public final class BenchmarkMain {

    private static final Logger log = LoggerFactory.getLogger(BenchmarkMain.class);

    private static final Set<String> PARTS = Set.of("caller", "checkout", "delivery", "growth");

    private BenchmarkMain() {
    }

    public static void main(String[] args) {
        int status;
        try {
            status = run(args);
        } catch (Exception | AssertionError e) {
            log.error("BENCHMARK FAILED: {}", e.toString(), e);
            status = 1;
        }
        System.exit(status);
    }

    private static int run(String[] args) throws Exception {
        List<String> parts = new ArrayList<>();
        boolean quick = false;
        Path out = defaultResultsDirectory();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("quick")) {
                quick = true;
            } else if (arg.equals("--out") && i + 1 < args.length) {
                out = Path.of(args[++i]);
            } else if (PARTS.contains(arg)) {
                parts.add(arg);
            } else {
                log.error("unknown argument '{}'; usage: java -jar benchmarks.jar "
                        + "[caller] [checkout] [delivery] [growth] [quick] [--out DIR]", arg);
                return 2;
            }
        }
        if (parts.isEmpty()) {
            parts.addAll(List.of("caller", "checkout", "delivery", "growth"));
        }
        BenchSettings settings = BenchSettings.from(quick);
        Report report = new Report(out, System.out);
        report.line("## %s run of %s, %s", settings.quick() ? "Quick" : "Full", String.join(", ", parts),
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        report.line("");
        report.line("- JVM: %s %s (%s), %d processors, max heap %s, load average at start %.2f",
                System.getProperty("java.vm.name"), System.getProperty("java.runtime.version"),
                System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
                Report.mib(Runtime.getRuntime().maxMemory()),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (String part : parts) {
            switch (part) {
                case "caller" -> CallerCostRun.run(settings, report);
                case "checkout" -> OutboxCostRun.run(settings, report);
                case "delivery" -> DeliveryThroughputRun.run(settings, report);
                case "growth" -> BacklogGrowthRun.run(settings, report);
                default -> throw new IllegalStateException(part);
            }
        }
        report.line("");
        report.line("- load average at end %.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        log.info("summary written to {}", report.write());
        return 0;
    }

    /** {@code bench-results} beside the benchmarks jar (or beside target/classes). */
    private static Path defaultResultsDirectory() throws URISyntaxException {
        File location = new File(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return location.toPath().toAbsolutePath().getParent().resolve("bench-results");
    }
}
