package io.github.youshu.order;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.youshu.order.validation.OrderValidationResult;
import io.github.youshu.order.validation.OrderValidator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * data-api.md §3: a plain phone number never appears in the model's {@code toString()}, the JSON, a
 * validation message or a TRACE-level log line of building, validating and serializing.
 */
class PersonalDataTest {

    /** Every form of the example numbers an application might pass, and their bare digits. */
    private static final List<String> PLAIN_FORMS = List.of(
            OrderExamples.USER_PHONE, OrderExamples.RECEIVER_PHONE, OrderExamples.REGISTRY_PHONE,
            OrderExamples.INVOICE_DELIVERY_PHONE, "13800138000", "13912345678", "02161234567", "0013", "1234 5678",
            "6123");

    private final Logger libraryLogger = (Logger) LoggerFactory.getLogger("io.github.youshu");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void captureTraceLog() {
        previousLevel = libraryLogger.getLevel();
        libraryLogger.setLevel(Level.TRACE);
        appender.start();
        libraryLogger.addAppender(appender);
    }

    @AfterEach
    void restoreLog() {
        libraryLogger.detachAppender(appender);
        libraryLogger.setLevel(previousLevel);
    }

    @Test
    void noPlainPhoneNumberInToStringJsonValidationOrTraceLog() {
        YoushuOrder order = OrderExamples.everyField();
        YoushuOrder invalid = order.toBuilder().externalOrderId(null).goodsNumTotal(0).build();
        OrderValidator validator = new OrderValidator(true);
        OrderJsonSerializer serializer = new OrderJsonSerializer(OrderExamples.ZONE);

        List<String> shown = new ArrayList<>();
        shown.add(order.toString());
        shown.add(order.userInfo().toString());
        shown.add(order.expressInfo().toString());
        shown.add(order.invoiceInfo().toString());
        shown.add(serializer.toJson(order));
        shown.add(validator.validate(order).toString());
        OrderValidationResult invalidResult = validator.validate(invalid);
        shown.add(invalidResult.toString());
        shown.add(invalidResult.toException().getMessage());
        shown.add(serializer.toJson(invalid));
        List<String> log = logLines();
        shown.addAll(log);

        // The log shows what was done (so this test sees the lines it checks) ...
        assertThat(log).anySatisfy(line -> assertThat(line).contains("Validated order/add_order item of order ORD-0002"))
                .anySatisfy(line -> assertThat(line).contains("Serialized order/add_order item of order ORD-0002"));
        // ... and the hashes travel where the numbers would have.
        assertThat(serializer.toJson(order)).contains("\"sha256_user_phone\":\"a6942f97")
                .contains("\"sha256_receiver_phone\":\"ba6c167e").contains("\"sha256_registry_phone\":\"79f254e8")
                .contains("\"sha256_invoice_delivery_phone\":\"a6942f97");
        for (String text : shown) {
            for (String plain : PLAIN_FORMS) {
                assertThat(text).doesNotContain(plain);
            }
        }
    }

    @Test
    void toStringMasksUserIds() {
        UserInfo user = OrderExamples.everyField().userInfo();

        assertThat(user.toString()).doesNotContain("oOPENID0002").doesNotContain("oUNIONID0002").doesNotContain("U-0002")
                .contains("openId=oO***", "unionId=oUN***", "userId=U***");
        assertThat(OrderExamples.everyField().toString()).doesNotContain("oOPENID0002");
    }

    @Test
    void aRefusedPhoneNumberIsNotShownOrLogged() {
        String malformed = "138-0013-80OO";

        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> UserInfo.builder().openId("o").userPhone(malformed));

        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("0013").doesNotContain(malformed);
        assertThat(logLines()).noneSatisfy(line -> assertThat(line).contains("0013"));
    }

    private List<String> logLines() {
        return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }
}
