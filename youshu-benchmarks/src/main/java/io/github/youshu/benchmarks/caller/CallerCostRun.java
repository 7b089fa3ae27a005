package io.github.youshu.benchmarks.caller;

import io.github.youshu.benchmarks.BenchSettings;
import io.github.youshu.benchmarks.JmhScores;
import io.github.youshu.benchmarks.Report;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every {@link CallerCostBenchmark} method in one JMH invocation with the GC profiler, keeps
 * JMH's JSON result, and reports the scores side by side with the ratios: ours ÷ {@code @Cacheable},
 * ours ÷ Segment's enqueue, ours ÷ mzt-biz-log's {@code @LogRecord}, synchronous ÷ ours, and the
 * allocation goal (ours no more than the cache hit).
 */
public final class CallerCostRun {

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
        JmhScores scores = new JmhScores(new Runner(options).run());

        report.line("");
        report.line("### Caller cost (JMH, average time per call, `-prof gc`)");
        report.line("");
        report.line("| variant | ns/call | ± (99.9% CI) | bytes allocated/call |");
        report.line("|---|---:|---:|---:|");
        for (String method : scores.methods()) {
            report.line("| %s | %,.1f | %,.1f | %s |", method, scores.nanos(method), scores.nanosError(method),
                    scores.allocation(method));
        }
        report.line("");
        Double plain = scores.nanos("plain");
        Double cacheable = scores.nanos("cacheable");
        Double ours = scores.nanos("reportOrderStatus");
        Double segment = scores.nanos("segmentEnqueue");
        Double bizLog = scores.nanos("bizLogRecord");
        Double synchronous = scores.nanos("synchronousHttp");
        if (ours == null) {
            report.line("- ours: not measured (no `reportOrderStatus` benchmark in this build)");
            report.line("- JMH JSON: `%s`", json);
            return;
        }
        if (cacheable != null) {
            report.line("- ours ÷ @Cacheable hit: **%.2f×** (goal ≤ 1.5×)", ours / cacheable);
        }
        if (segment != null) {
            report.line("- ours ÷ Segment `enqueue`: **%.2f×** (goal ≤ 1×: no slower than Segment)", ours / segment);
        }
        if (bizLog != null) {
            report.line("- ours ÷ mzt-biz-log `@LogRecord`: %.2f×", ours / bizLog);
        }
        Double ourBytes = scores.allocationBytes("reportOrderStatus");
        Double cacheBytes = scores.allocationBytes("cacheable");
        if (ourBytes != null && cacheBytes != null) {
            report.line("- bytes allocated, ours ÷ @Cacheable hit: **%.2f×** (goal ≤ 1×)", ourBytes / cacheBytes);
        }
        if (synchronous != null) {
            report.line("- synchronous ÷ ours: **%,.0f×** (goal ≥ 1,000×)", synchronous / ours);
        }
        if (plain != null) {
            report.line("- ours − plain: %,.0f ns per call", ours - plain);
        }
        report.line("- JMH JSON: `%s`", json);
    }
}
