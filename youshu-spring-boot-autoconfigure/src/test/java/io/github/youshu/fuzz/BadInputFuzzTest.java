package io.github.youshu.fuzz;

import io.github.youshu.YoushuReporter;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.delivery.DeliveryStatistics;
import io.github.youshu.delivery.memory.MemoryEventStore;
import io.github.youshu.event.Chan;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.simulator.ReceivedEvent;
import io.github.youshu.simulator.YoushuSimulator;
import io.github.youshu.transport.YoushuTransport;
import io.github.youshu.validation.EventValidator;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 15 item 6: 10,000 generated inputs — merchants' data as it really looks, good and bad —
 * through {@link YoushuReporter} and the annotations, in log mode, delivered to the simulator in
 * process. Asserts the four promises: nothing is thrown into the caller; nothing invalid is sent
 * (the simulator refuses none of what we send, and refuses every model event our validator refuses);
 * the accounting closes exactly; delivery still works afterwards. The seed is printed on failure;
 * rerun one with {@code -Dyoushu.fuzz.seed=<seed>}.
 */
class BadInputFuzzTest {

    private static final Logger log = LoggerFactory.getLogger(BadInputFuzzTest.class);

    private static final int INPUTS = 10_000;
    private static final long DEFAULT_SEED = 20261130L;
    private static final int MAX_BATCH_BYTES = 64 * 1024;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String FROM = "fuzz-shop";
    private static final String WX_APP_ID = "wx0123456789abcdef";
    /** What the reporter fills in from the configuration below (time aside). */
    private static final CommonProps DEFAULTS = new CommonProps("pages/index/index", null, null,
            FuzzInputs.NOW.toEpochMilli(), new WxUser(WX_APP_ID, null, null, null, null, null),
            new Chan(1001, null, null, null, null, null), null);

    @Test
    void tenThousandGeneratedInputsKeepTheFourPromises() {
        long seed = Long.getLong("youshu.fuzz.seed", DEFAULT_SEED);
        try (YoushuSimulator simulator = YoushuSimulator.builder().maxEvents(2 * INPUTS).build().start()) {
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
                    .withBean(FuzzShop.class)
                    .withPropertyValues("youshu.app-id=" + YoushuSimulator.DEFAULT_APP_ID,
                            "youshu.app-secret=" + YoushuSimulator.DEFAULT_APP_SECRET, "youshu.wx-app-id=" + WX_APP_ID,
                            "youshu.base-url=" + simulator.baseUrl(), "spring.application.name=" + FROM,
                            "youshu.zone=" + ZONE.getId(), "youshu.defaults.page=pages/index/index",
                            "youshu.defaults.scene=1001", "youshu.delivery.flush-interval=20ms",
                            "youshu.delivery.queue-capacity=" + 2 * INPUTS, "youshu.delivery.queue-max-bytes=256MB",
                            "youshu.delivery.max-batch-bytes=" + MAX_BATCH_BYTES + "B")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        try {
                            fuzz(context, simulator, seed);
                        }
                        catch (AssertionError failure) {
                            throw new AssertionError("Fuzz failed for seed " + seed + " (rerun with -Dyoushu.fuzz.seed="
                                    + seed + "): " + failure.getMessage(), failure);
                        }
                    });
        }
    }

    private static void fuzz(AssertableApplicationContext context, YoushuSimulator simulator, long seed) {
        FuzzInputs inputs = new FuzzInputs(seed, MAX_BATCH_BYTES);
        YoushuReporter reporter = context.getBean(YoushuReporter.class);
        FuzzShop shop = context.getBean(FuzzShop.class);
        ModelVerdicts refusedByUs = new ModelVerdicts();
        List<String> escaped = new ArrayList<>();

        for (int i = 0; i < INPUTS; i++) {
            int kind = inputs.nextInt(10);
            try {
                switch (kind) {
                    case 0, 1 -> reporter.report(refusedByUs.note(inputs.customOrder()));
                    case 2 -> reporter.report(refusedByUs.note(inputs.couponOrder()));
                    case 3, 4 -> reporter.report(refusedByUs.note(inputs.generic()));
                    case 5, 6 -> shop.pay(inputs.order());
                    case 7, 8 -> shop.addToCart("oUser-1", inputs.annotatedProps());
                    default -> shop.payLater(inputs.order(), inputs.chance(20));
                }
            }
            catch (Throwable thrown) {
                escaped.add("input " + i + " (kind " + kind + "): " + thrown);
            }
        }

        // 1. Nothing thrown into the caller.
        assertThat(escaped).as("thrown into the caller").isEmpty();

        // 3. The accounting closes exactly, once delivery is idle.
        MemoryEventStore store = context.getBean(MemoryEventStore.class);
        DeliveryStatistics statistics = context.getBean(DeliveryStatistics.class);
        try {
            await().atMost(Duration.ofSeconds(40)).until(() -> store.heldCount() == 0);
        }
        catch (ConditionTimeoutException timeout) {
            throw new AssertionError("delivery did not settle: " + store.heldCount() + " events held, " + statistics.snapshot()
                    .total() + "; events the simulator refused: " + simulator.received().stream()
                    .filter(event -> !event.valid()).limit(5).map(event -> event.violations() + " in " + event.json()).toList());
        }
        DeliveryStatistics.EventCounts counts = statistics.snapshot().total();
        log.info("Fuzz seed {}: {} inputs: {} sent, {} invalid, {} dropped, {} dead-lettered; {} refused by the wire rules",
                seed, INPUTS, counts.sent(), counts.invalid(), counts.dropped(), counts.deadLettered(), refusedByUs.size());
        assertThat(counts.sent() + counts.invalid() + counts.dropped() + counts.deadLettered()).as("every input in one counter: "
                + counts).isEqualTo(INPUTS);
        assertThat(counts.accepted()).as("accepted = sent + dropped + dead-lettered: " + counts)
                .isEqualTo(counts.sent() + counts.dropped() + counts.deadLettered());
        assertThat(counts.sent()).as("valid inputs were sent").isPositive();
        assertThat(counts.invalid()).as("invalid inputs were refused").isPositive();

        // 2. Nothing invalid sent: the simulator refused none of what we sent ...
        List<ReceivedEvent> received = simulator.received();
        assertThat(received).as("events the simulator refused").filteredOn(event -> !event.valid()).isEmpty();
        assertThat(counts.deadLettered()).isZero();
        assertThat(counts.dropped()).isZero();
        assertThat(received).as("events the simulator received").hasSize((int) counts.sent());

        // ... and it refuses every event that our validator refuses by the rules of the wire contract.
        simulator.reset();
        refusedByUs.send(context.getBean(YoushuTransport.class));
        List<ReceivedEvent> refused = simulator.received();
        assertThat(refused).hasSize(refusedByUs.size());
        for (int i = 0; i < refused.size(); i++) {
            assertThat(refused.get(i).valid()).as("the simulator accepts what we refused for " + refusedByUs.violations.get(i)
                    + ": " + refused.get(i).json()).isFalse();
        }

        // 4. Delivery still works afterwards.
        simulator.reset();
        assertThat(reporter.report(YoushuEvent.customOrder(CustomOrderProps.builder()
                .order("SO-after-fuzz", FuzzInputs.NOW, OrderStatus.PAYED)
                .wholeOrderAsSubOrder(new BigDecimal("9.90"), new BigDecimal("9.90"))
                .common(CommonProps.builder().wxUser(null, "oUser-1").build())
                .build()))).isTrue();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(simulator.accepted())
                .singleElement().satisfies(event -> assertThat(event.orderId()).isEqualTo("SO-after-fuzz")));
    }

    /**
     * The events our validator refuses by the rules of the wire contract (completed as the reporter
     * completes them), as they would be written, with our violations. Events refused for a generic
     * prop value are not among them: such a value is left out of what would be written, so the
     * simulator cannot see it.
     */
    private static final class ModelVerdicts {
        private static final Set<String> WIRE_FIELDS = Set.of("type", "from", "tracking_id", "props.page", "props.time",
                "props.wx_user", "props.chan", "props.component", "props.order", "props.sub_orders", "props.coupon",
                "props.coupon_info");

        private final EventValidator validator = new EventValidator(ZONE);
        private final EventJsonSerializer serializer = new EventJsonSerializer();
        private final List<byte[]> json = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();

        YoushuEvent note(YoushuEvent event) {
            EventValidator.Result result = validator.check(event.withDefaults(FROM, DEFAULTS));
            if (!result.valid() && result.violations().stream().allMatch(violation -> WIRE_FIELDS.stream()
                    .anyMatch(field -> violation.path().equals(field) || violation.path().startsWith(field + ".")
                            || violation.path().startsWith(field + "[")))) {
                json.add(serializer.toJsonBytes(result.event()));
                violations.add(result.violations().toString());
            }
            return event;
        }

        int size() {
            return json.size();
        }

        /** Posts them, signed, in requests of at most 50 events. */
        void send(YoushuTransport transport) {
            for (int from = 0; from < json.size(); from += 50) {
                List<byte[]> batch = json.subList(from, Math.min(from + 50, json.size()));
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                body.write('[');
                for (int i = 0; i < batch.size(); i++) {
                    if (i > 0) {
                        body.write(',');
                    }
                    body.writeBytes(batch.get(i));
                }
                body.write(']');
                transport.send(body.toByteArray(), batch.size());
            }
        }

        @Override
        public String toString() {
            return json.stream().map(bytes -> new String(bytes, StandardCharsets.UTF_8)).toList().toString();
        }
    }

    /** A shop's service, its methods annotated as the README shows. */
    public static class FuzzShop {

        @ReportOrderStatus(status = "payed", orderId = "#order.id", orderTime = "#order.createdAt",
                orderAmount = "#order.total", payAmount = "#order.paid", openId = "#order.openId")
        public String pay(FuzzOrder order) {
            return "paid";
        }

        @ReportEvent(type = "add_to_cart", props = "#props", openId = "#openId")
        public String addToCart(String openId, Object props) {
            return "added";
        }

        @ReportOrderStatus(status = "give_order", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid", openId = "#result.openId")
        public CompletionStage<FuzzOrder> payLater(FuzzOrder order, boolean refuseCallbacks) {
            return refuseCallbacks ? new RefusingStage() : CompletableFuture.completedFuture(order);
        }
    }

    /** A stage that refuses callbacks, as some adapters of reactive types do. */
    static final class RefusingStage extends CompletableFuture<FuzzOrder> {
        @Override
        public CompletableFuture<FuzzOrder> whenComplete(BiConsumer<? super FuzzOrder, ? super Throwable> action) {
            throw new UnsupportedOperationException("no callbacks");
        }
    }
}
