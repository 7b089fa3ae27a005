package io.github.youshu.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import javax.sql.DataSource;

import io.github.youshu.YoushuOrders;
import io.github.youshu.autoconfigure.YoushuAutoConfiguration;
import io.github.youshu.autoconfigure.YoushuOrdersAutoConfiguration;
import io.github.youshu.order.DataApiEndpoint;
import io.github.youshu.order.OrderExamples;
import io.github.youshu.order.OrderStatusCode;
import io.github.youshu.order.OrderStatusUpdate;
import io.github.youshu.transport.YoushuTransport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link YoushuRecorder} records backend order data sent with {@link YoushuOrders} (issue 13 item 5). */
class YoushuRecorderOrdersTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class, YoushuOrdersAutoConfiguration.class,
                    YoushuRecorderAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop", "youshu.zone=Asia/Shanghai", "youshu.test.recording=true")
            .withBean(YoushuTransport.class, () -> (body, count) -> {
                throw new AssertionError("recording mode must never send");
            });

    @Test
    void ordersStatusChangesAndReturnsAreRecordedAsTheyWouldBeSent() {
        runner.run(context -> {
            YoushuOrders orders = context.getBean(YoushuOrders.class);
            YoushuRecorder recorder = context.getBean(YoushuRecorder.class);

            orders.addOrder(OrderExamples.specExample());
            orders.updateStatus(OrderExamples.statusUpdate());
            orders.addReturnOrder(OrderExamples.returnOrder());
            orders.addOrderSum(OrderExamples.dailyTotal());

            assertThat(recorder.orders()).singleElement().satisfies(order -> {
                assertThat(order.orderId()).isEqualTo("ORD-0001");
                assertThat(order.status()).isEqualTo("1150");
                assertThat(order.value("/payment_amount")).isEqualTo("145.90");
                assertThat(order.value("/goods_info/1/external_sku_id")).isEqualTo("SKU-B");
            });
            assertThat(recorder.awaitDataApiItem(DataApiEndpoint.UPDATE_ORDER, "ORD-0001").status()).isEqualTo("1160");
            assertThat(recorder.dataApiItems(DataApiEndpoint.ADD_RETURN_ORDER)).singleElement()
                    .satisfies(ret -> assertThat(ret.status()).isEqualTo("1290"));
            assertThat(recorder.dataApiItems(DataApiEndpoint.ADD_ORDER_SUM)).singleElement()
                    .satisfies(sum -> assertThat(sum.value("/payed_num_sum")).isEqualTo("10"));
            assertThat(recorder.orderHistory("ORD-0001")).extracting(RecordedEvent::type)
                    .containsExactly("order/add_order", "order/update", "return_order/add");
        });
    }

    @Test
    void anOrderChangeIsRecordedOnlyWhenTheTransactionCommits() {
        runner.run(context -> {
            YoushuOrders orders = context.getBean(YoushuOrders.class);
            YoushuRecorder recorder = context.getBean(YoushuRecorder.class);
            DataSource dataSource = new EmbeddedDatabaseBuilder().setType(EmbeddedDatabaseType.H2).generateUniqueName(true).build();
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            OffsetDateTime now = OffsetDateTime.parse("2023-11-16T10:00:00+08:00");

            transaction.executeWithoutResult(status -> {
                orders.updateStatus(OrderStatusUpdate.of("SO1", OrderStatusCode.PAID, now));
                assertThat(recorder.events()).as("not before the commit").isEmpty();
            });
            transaction.executeWithoutResult(status -> {
                orders.updateStatus(OrderStatusUpdate.of("SO2", OrderStatusCode.PAID, now));
                status.setRollbackOnly();
            });

            assertThat(recorder.dataApiItems(DataApiEndpoint.UPDATE_ORDER)).extracting(RecordedEvent::orderId)
                    .isEqualTo(List.of("SO1"));
        });
    }
}
