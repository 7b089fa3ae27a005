package io.github.youshu.benchmarks;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The results of one JMH invocation by benchmark method name, in nanoseconds per call whatever
 * unit JMH reported, with the GC profiler's bytes allocated per call where it ran.
 */
public final class JmhScores {

    /** The secondary result of the GC profiler: bytes allocated per call. */
    private static final String ALLOCATION_PER_OP = "gc.alloc.rate.norm";

    private final Map<String, RunResult> byMethod = new LinkedHashMap<>();

    public JmhScores(Collection<RunResult> results) {
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
        }
    }

    /** The benchmark methods that ran, in JMH's order. */
    public Iterable<String> methods() {
        return byMethod.keySet();
    }

    /** Nanoseconds per call, or {@code null} when the method did not run. */
    public Double nanos(String method) {
        RunResult result = byMethod.get(method);
        return result == null ? null : nanos(result.getPrimaryResult());
    }

    /** The 99.9% confidence half-width in nanoseconds (0 when JMH could not tell). */
    public double nanosError(String method) {
        Result<?> primary = byMethod.get(method).getPrimaryResult();
        double error = primary.getScoreError();
        return Double.isNaN(error) ? 0 : error * nanosPer(primary.getScoreUnit());
    }

    /** Bytes allocated per call, formatted, or {@code n/a} without the GC profiler. */
    public String allocation(String method) {
        Result<?> allocation = byMethod.get(method).getSecondaryResults().get(ALLOCATION_PER_OP);
        return allocation == null ? "n/a" : String.format("%,.0f", allocation.getScore());
    }

    /** Bytes allocated per call, or {@code null} without the GC profiler. */
    public Double allocationBytes(String method) {
        RunResult result = byMethod.get(method);
        Result<?> allocation = result == null ? null : result.getSecondaryResults().get(ALLOCATION_PER_OP);
        return allocation == null ? null : allocation.getScore();
    }

    private static double nanos(Result<?> result) {
        return result.getScore() * nanosPer(result.getScoreUnit());
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
