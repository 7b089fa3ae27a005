package io.github.youshu.benchmarks;

/**
 * The sizes of one benchmark run: the full run that BENCHMARKS.md records, or the quick run CI
 * uses to prove the benchmarks still work (small counts, a few short iterations, no figure asserted).
 *
 * @param quick             whether this is the quick run
 * @param deliveryEvents    events measured by the delivery throughput run, per mode
 * @param deliveryWarmup    events sent before measuring, per mode
 * @param backlogSmall      rows of backlog in the small growth case
 * @param backlogLarge      rows of backlog in the large growth case
 * @param growthEvents      events claimed and sent per growth case
 */
public record BenchSettings(boolean quick, int deliveryEvents, int deliveryWarmup, int backlogSmall, int backlogLarge,
        int growthEvents) {

    /** The system property that selects the quick run: {@code -Dyoushu.bench.quick=true}. */
    public static final String QUICK_PROPERTY = "youshu.bench.quick";

    public static BenchSettings full() {
        return new BenchSettings(false, 200_000, 40_000, 1_000, 1_000_000, 50_000);
    }

    public static BenchSettings quickRun() {
        return new BenchSettings(true, 5_000, 1_000, 1_000, 20_000, 1_000);
    }

    /** Quick when {@code youshu.bench.quick=true} is set or {@code quick} is one of the arguments. */
    public static BenchSettings from(boolean quickArgument) {
        return quickArgument || Boolean.getBoolean(QUICK_PROPERTY) ? quickRun() : full();
    }
}
