package io.github.youshu.expression;

import io.github.youshu.annotation.ReportEvent;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 item 9: date-time values in {@code @ReportEvent} props are written as epoch-millisecond
 * times, a {@code LocalDateTime} in {@code youshu.zone}; {@code java.util.Date} keeps working.
 */
class JavaTimeInPropsTest {

    private static final Instant AT = Instant.parse("2024-06-01T00:00:00Z");

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class, Services.class);

    @Test
    void dateTimesInAPropsMapAreEpochMilliseconds() {
        runner.run(context -> {
            context.getBean(Cart.class).add(AT, LocalDateTime.of(2024, 6, 1, 8, 0), Date.from(AT));

            RecordingEventDispatcher dispatcher = context.getBean(RecordingEventDispatcher.class);
            assertThat(dispatcher.invalid).isEmpty();
            var props = dispatcher.single().get("props");
            assertThat(props.get("added_at").asLong()).isEqualTo(AT.toEpochMilli());
            assertThat(props.get("local").asLong()).as("08:00 in Asia/Shanghai").isEqualTo(AT.toEpochMilli());
            assertThat(props.get("date").asLong()).isEqualTo(AT.toEpochMilli());
        });
    }

    @Test
    void dateTimesOfAPropsBeanAreEpochMilliseconds() {
        runner.run(context -> {
            context.getBean(Cart.class).addItem(new Item("sku-1", AT));

            var props = context.getBean(RecordingEventDispatcher.class).single().get("props");
            assertThat(props.get("sku_id").asText()).isEqualTo("sku-1");
            assertThat(props.get("added_at").asLong()).isEqualTo(AT.toEpochMilli());
        });
    }

    public record Item(String skuId, Instant addedAt) {
    }

    @Configuration(proxyBeanMethods = false)
    static class Services {
        @Bean
        Cart cart() {
            return new Cart();
        }
    }

    static class Cart {
        @ReportEvent(type = "add_to_cart", props = "{added_at: #at, local: #local, date: #date}", openId = "'open-1'")
        public void add(Instant at, LocalDateTime local, Date date) {
        }

        @ReportEvent(type = "add_to_cart", props = "#item", openId = "'open-1'")
        public void addItem(Item item) {
        }
    }
}
