package io.github.youshu.benchmarks.caller;

import io.github.youshu.benchmarks.BenchSettings;
import io.github.youshu.benchmarks.Report;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every {@link CallerCostBenchmark} method in one JMH invocation with the GC profiler, keeps
 * JMH's JSON result, and reports the scores side by side with the ratios: ours ÷ {@code @Cacheable}
 * and synchronous ÷ ours.
 */
public final class CallerCostRun {

    /** The secondary result of the GC profiler: bytes allocated per call. */
    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private CallerCostRun() {
    }

    public static void run(BenchSettings settings, Report report) throws RunnerException {
        String json = report.directory().resolve("caller-cost.json").toString();
        Options options = new OptionsBuilder()
                .include(CallerCostBenchmark.class.getName() + "\\.")
                .addProfiler(GCProfiler.class)
                .forks(settings.quick() ? 1 : 2)
                .warmupIterations(settings.quick() ? 1 : 6)
                .warmupTime(TimeValue.milliseconds(settings.quick() ? 500 : 2000))
                .measurementIterations(settings.quick() ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(settings.quick() ? 500 : 2000))
                .jvmArgsAppend("-Xms1g", "-Xmx1g")
                .resultFormat(ResultFormatType.JSON)
                .result(json)
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, RunResult> byMethod = new LinkedHashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
        }
        report.line("");
        report.line("### Caller cost (JMH, average time per call, `-prof gc`)");
        report.line("");
        report.line("| variant | ns/call | ± (99.9% CI) | bytes allocated/call |");
        report.line("|---|---:|---:|---:|");
        for (Map.Entry<String, RunResult> entry : byMethod.entrySet()) {
            Result<?> primary = entry.getValue().getPrimaryResult();
            Result<?> allocation = entry.getValue().getSecondaryResults().get(ALLOCATION_PER_OP);
            report.line("| %s | %,.1f | %,.1f | %s |", entry.getKey(), nanos(primary), nanosError(primary),
                    allocation == null ? "n/a" : String.format("%,.0f", allocation.getScore()));
        }
        report.line("");
        Double plain = score(byMethod, "plain");
        Double cacheable = score(byMethod, "cacheable");
        Double ours = score(byMethod, "reportOrderStatus");
        Double synchronous = score(byMethod, "synchronousHttp");
        if (ours != null && cacheable != null) {
            report.line("- ours ÷ @Cacheable hit: **%.2f×** (goal ≤ 1.5×)", ours / cacheable);
        }
        if (ours != null && synchronous != null) {
            report.line("- synchronous ÷ ours: **%,.0f×** (goal ≥ 1,000×)", synchronous / ours);
        }
        if (ours != null && plain != null) {
            report.line("- ours − plain: %,.0f ns per call", ours - plain);
        }
        if (ours == null) {
            report.line("- ours: not measured (no `reportOrderStatus` benchmark in this build)");
        }
        report.line("- JMH JSON: `%s`", json);
    }

    private static Double score(Map<String, RunResult> byMethod, String method) {
        RunResult result = byMethod.get(method);
        return result == null ? null : nanos(result.getPrimaryResult());
    }

    private static double nanos(Result<?> result) {
        return result.getScore() * nanosPer(result.getScoreUnit());
    }

    private static double nanosError(Result<?> result) {
        double error = result.getScoreError();
        return Double.isNaN(error) ? 0 : error * nanosPer(result.getScoreUnit());
    }

    private static double nanosPer(String unit) {
        String timeUnit = unit.substring(0, unit.indexOf('/'));
        return switch (timeUnit) {
            case "ns" -> 1;
            case "us" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            default -> throw new IllegalStateException("unexpected JMH score unit " + unit);
        };
    }
}
