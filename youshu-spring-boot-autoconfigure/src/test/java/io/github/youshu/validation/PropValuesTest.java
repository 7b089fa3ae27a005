package io.github.youshu.validation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.github.youshu.validation.EventNormalisationTest.generic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The props of other types: java.time values (issue 11 item 9), the limits of issue 15 item 4 and
 * values that throw when read (item 2), each refused with its JSON path, never thrown.
 */
class PropValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long MILLIS = 1717200000123L;   // 2024-06-01T00:00:00.123Z

    private final EventValidator validator = new EventValidator(SHANGHAI);
    private final EventJsonSerializer serializer = new EventJsonSerializer();

    @Test
    void dateTimesAreWrittenAsEpochMillisecondsZonedByTheSettingWhereTheyHaveNoZone() throws Exception {
        Instant instant = Instant.ofEpochMilli(MILLIS);
        JsonNode props = sentProps(GenericProps.builder()
                .put("instant", instant)
                .put("offset", OffsetDateTime.ofInstant(instant, ZoneOffset.ofHours(-5)))
                .put("zoned", ZonedDateTime.ofInstant(instant, ZoneId.of("Europe/Paris")))
                .put("local", LocalDateTime.of(2024, 6, 1, 8, 0, 0, 123_000_000))
                .put("day", LocalDate.of(2024, 6, 1))
                .put("date", Date.from(instant))
                .put("sql_timestamp", new java.sql.Timestamp(MILLIS))
                .put("nested", List.of(Map.of("at", instant)))
                .put("time_of_day", LocalTime.of(10, 15))
                .put("wait", Duration.ofMinutes(1)));

        assertThat(props.get("instant").asLong()).isEqualTo(MILLIS);
        assertThat(props.get("offset").asLong()).isEqualTo(MILLIS);
        assertThat(props.get("zoned").asLong()).isEqualTo(MILLIS);
        assertThat(props.get("local").asLong()).as("08:00 in Shanghai is 00:00 UTC").isEqualTo(MILLIS);
        assertThat(props.get("day").asLong()).isEqualTo(LocalDate.of(2024, 6, 1).atStartOfDay(SHANGHAI).toInstant().toEpochMilli());
        assertThat(props.get("date").asLong()).isEqualTo(MILLIS);
        assertThat(props.get("sql_timestamp").asLong()).isEqualTo(MILLIS);
        assertThat(props.at("/nested/0/at").asLong()).isEqualTo(MILLIS);
        assertThat(props.get("time_of_day").asText()).isEqualTo("10:15");
        assertThat(props.get("wait").asText()).isEqualTo("PT1M");
    }

    @Test
    void beansAndRecordsAreWrittenAsTheirPropertiesInSnakeCase() throws Exception {
        JsonNode props = sentProps(GenericProps.builder()
                .put("item", new Item("sku-1", Instant.ofEpochMilli(MILLIS), OrderStatus.PAYED, "hidden")));

        assertThat(props.get("item")).isEqualTo(JSON.readTree("""
                {"sku_id": "sku-1", "added_at": %d, "status": "payed", "qty": 1}""".formatted(MILLIS)));
    }

    @Test
    void keysThatBecomeTheSameNameAreRefusedWithTheirPath() {
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, "one");
        keys.put("1", "uno");

        assertThat(violations(GenericProps.builder().put("labels", keys)))
                .containsExactly("props.labels.1: is given twice: two keys of the map (e.g. 1 and \"1\") are both written as \"1\"");
    }

    @Test
    void aNullKeyIsRefused() {
        Map<Object, Object> keys = new HashMap<>();
        keys.put(null, "x");

        assertThat(violations(GenericProps.builder().put("labels", keys)))
                .containsExactly("props.labels: has a null key: a JSON name cannot be null");
    }

    @Test
    void numbersOutsideTheDocumentedRangeAreRefused() {
        BigInteger digits1501 = BigInteger.TEN.pow(1500);
        assertThat(violations(GenericProps.builder()
                .put("long_number", new BigDecimal(BigInteger.ONE, -1).add(new BigDecimal(BigInteger.ONE, 1400)))
                .put("huge", new BigDecimal("1E+400"))
                .put("huge_integer", digits1501)
                .put("not_a_number", Double.NaN)
                .put("infinite", Float.NEGATIVE_INFINITY)
                .put("largest_double", Double.MAX_VALUE)
                .put("largest_decimal", PropValues.MAX_NUMBER.negate())))
                .containsExactly(
                        "props.long_number: must be at most 1000 characters long as written",
                        "props.huge: must be between -1.7976931348623157E308 and 1.7976931348623157E308 (the range of a double, which every JSON parser holds)",
                        "props.huge_integer: must be between -1.7976931348623157E308 and 1.7976931348623157E308 (the range of a double, which every JSON parser holds)",
                        "props.not_a_number: must be a finite number",
                        "props.infinite: must be a finite number");
    }

    @Test
    void aMapThatContainsItselfIsRefusedNotOverflowingTheStack() {
        Map<String, Object> loop = new HashMap<>();
        loop.put("self", loop);

        assertThat(violations(GenericProps.builder().put("loop", loop))).singleElement().asString()
                .startsWith("props.loop.self: contains itself");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() {
        Object nested = "leaf";
        for (int i = 0; i < PropValues.MAX_DEPTH + 5; i++) {
            nested = List.of(nested);
        }

        assertThat(violations(GenericProps.builder().put("deep", nested))).singleElement().asString()
                .endsWith(": nests deeper than 32 levels");
    }

    @Test
    void anEndlessIterableStopsAtTheValueLimit() {
        Iterable<Integer> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return 1;
            }
        };

        assertThat(violations(GenericProps.builder().put("endless", endless)))
                .containsExactly("props: holds more than 100000 values");
    }

    @Test
    void aGetterThatThrowsAnErrorIsAViolationAtItsPath() {
        assertThat(violations(GenericProps.builder().put("bean", new Throwing()))).containsExactlyInAnyOrder(
                "props.bean.broken: could not be read: java.lang.AssertionError: getter broke",
                "props.bean.recursive: could not be read: java.lang.StackOverflowError");
    }

    @Test
    void anOrderIdWhoseToStringThrowsIsRefusedAndNeverCalled() {
        YoushuEvent event = generic(GenericProps.builder().put("order_id", new UnprintableId()));

        EventValidator.Result result = validator.check(event);

        assertThat(result.violations()).extracting(Violation::toString).containsExactly(
                "props.order_id: is a " + UnprintableId.class.getName()
                        + " without readable properties: give a Map, a String or a bean with getters");
        assertThat(event.orderId()).isNull();
    }

    @Test
    void namedPropsOfAMapOrABeanAreByWireName() {
        Map<Object, Object> keys = new LinkedHashMap<>();
        keys.put(1, "one");
        keys.put("1", "uno");

        assertThat(PropValues.named(Map.of(7, "x"))).containsExactly(Map.entry("7", "x"));
        assertThat(PropValues.named(new Item("sku-1", null, null, "h"))).containsOnlyKeys("sku_id", "added_at", "status", "qty");
        assertThatThrownBy(() -> PropValues.named(keys)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("two keys of the props map are both written as \"1\" (e.g. 1 and \"1\"); keep one");
        assertThatThrownBy(() -> PropValues.named(new Throwing())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(" of " + Throwing.class.getName() + " could not be read: java.lang.");
    }

    private List<String> violations(GenericProps.Builder props) {
        return validator.validate(generic(props)).stream().map(Violation::toString).toList();
    }

    private JsonNode sentProps(GenericProps.Builder props) throws Exception {
        EventValidator.Result result = validator.check(generic(props));
        assertThat(result.violations()).isEmpty();
        return JSON.readTree(serializer.toJson(result.event())).get("props");
    }

    record Item(String skuId, Instant addedAt, OrderStatus status, @JsonIgnore String internal) {
        @JsonProperty("qty")
        int quantity() {
            return 1;
        }
    }

    /** A bean whose getters fail: one with an error, one by recursing forever. */
    public static class Throwing {
        public String getBroken() {
            throw new AssertionError("getter broke");
        }

        public String getRecursive() {
            return getRecursive();
        }
    }

    static final class UnprintableId {
        @Override
        public String toString() {
            throw new IllegalStateException("toString broke");
        }
    }
}
