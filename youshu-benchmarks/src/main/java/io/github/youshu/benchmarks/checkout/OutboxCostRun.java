package io.github.youshu.benchmarks.checkout;

import io.github.youshu.benchmarks.BenchDatabase;
import io.github.youshu.benchmarks.BenchSettings;
import io.github.youshu.benchmarks.JmhScores;
import io.github.youshu.benchmarks.Report;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OutboxCostBenchmark} in one JMH invocation (PostgreSQL when it answers on
 * 127.0.0.1:5432, else H2 in memory, noted) and reports each variant as a ratio to the bare
 * transaction: the goals are ours ≤ 1.1× and ours no slower than Spring Modulith's registry.
 */
public final class OutboxCostRun {

    private OutboxCostRun() {
    }

    public static void run(BenchSettings settings, Report report) throws RunnerException {
        boolean postgres = BenchDatabase.postgresIfReachable().isPresent();
        String database = postgres ? "postgresql" : "h2";
        String json = report.directory().resolve("outbox-cost.json").toString();
        Options options = new OptionsBuilder()
                .include(OutboxCostBenchmark.class.getName() + "\\.")
                .forks(1)
                .warmupIterations(settings.quick() ? 1 : 4)
                .warmupTime(TimeValue.milliseconds(settings.quick() ? 500 : 3000))
                .measurementIterations(settings.quick() ? 2 : 5)
                .measurementTime(TimeValue.milliseconds(settings.quick() ? 500 : 3000))
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + OutboxCostBenchmark.DATABASE_PROPERTY + "=" + database)
                .resultFormat(ResultFormatType.JSON)
                .result(json)
                .shouldFailOnError(true)
                .build();
        JmhScores scores = new JmhScores(new Runner(options).run());

        report.line("");
        report.line("### Outbox cost to a checkout transaction (JMH, one order row per transaction, %s)",
                postgres ? "PostgreSQL" : "H2 in memory: PostgreSQL did not answer on 127.0.0.1:5432");
        report.line("");
        report.line("| variant | µs/transaction | ± (99.9% CI) | ÷ bare transaction |");
        report.line("|---|---:|---:|---:|");
        Double bare = scores.nanos("bareTransaction");
        for (String method : scores.methods()) {
            double nanos = scores.nanos(method);
            report.line("| %s | %,.1f | %,.1f | %s |", method, nanos / 1000, scores.nanosError(method) / 1000,
                    bare == null ? "n/a" : String.format("%.2f×", nanos / bare));
        }
        report.line("");
        Double ours = scores.nanos("withYoushuOutbox");
        Double modulith = scores.nanos("withModulithRegistry");
        if (ours != null && bare != null) {
            report.line("- ours ÷ bare transaction: **%.2f×** (goal ≤ 1.1×)", ours / bare);
        }
        if (ours != null && modulith != null) {
            report.line("- ours ÷ Spring Modulith's registry: **%.2f×** (goal ≤ 1×)", ours / modulith);
        }
        report.line("- JMH JSON: `%s`", json);
    }
}
