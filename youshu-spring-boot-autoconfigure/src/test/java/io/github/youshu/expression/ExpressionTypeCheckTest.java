package io.github.youshu.expression;

import ch.qos.logback.classic.Level;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.autoconfigure.YoushuConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Startup checks the property and method chains of the annotations' expressions against the
 * declared types of {@code #result} and the parameters: a chain that cannot exist stops startup
 * (naming bean, method, attribute, expression, type and missing member, with a suggestion); a chain
 * on a type too open to tell is logged as a warning.
 */
class ExpressionTypeCheckTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ReportingTestConfiguration.class);

    // ---- the types the test services use ----

    /** A JavaBean with getters, an is-getter and a public field. */
    public static class PayCommand {
        public String channel = "wx";
        private final String orderId;

        public PayCommand(String orderId) {
            this.orderId = orderId;
        }

        public String getOrderId() {
            return orderId;
        }

        public boolean isFirstOrder() {
            return true;
        }

        public Instant getPaidAt() {
            return Order.CREATED_AT;
        }
    }

    public record Line(String sku, BigDecimal amount) {
    }

    /** A generic holder: its element type resolves from the declared return type. */
    public static class Page<T> {
        private final List<T> items;

        public Page(List<T> items) {
            this.items = items;
        }

        public List<T> getItems() {
            return items;
        }

        public T first() {
            return items.get(0);
        }
    }

    public interface Customer {
        String getOpenId();
    }

    public static class OrderException extends RuntimeException {
        public String getCode() {
            return "E1";
        }
    }

    // ---- chains that cannot exist: startup fails ----

    static class Typos {
        @ReportOrderStatus(status = "payed", orderId = "#result.idd", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.paid")
        public Order confirm(String orderId) {
            return Order.of(orderId);
        }

        @ReportOrderStatus(status = "payed", orderId = "#cmd.ordrId", orderTime = "#p0.paidAt", orderAmount = "1",
                payAmount = "1", condition = "#a0.firstOrdr")
        public void pay(PayCommand cmd) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#root.args[0].orderid", orderTime = "#args[0].paidAt",
                orderAmount = "#args[1].totl", payAmount = "1")
        public void byPosition(PayCommand cmd, Order order) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.first().skuu", orderTime = "0",
                subOrders = "#result.items.![{subOrderId: sku, orderAmount: amout, payAmount: amount}]")
        public Page<Line> page(String orderId) {
            return null;
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.idd", orderTime = "0", orderAmount = "1", payAmount = "1")
        public Optional<Order> find(String orderId) {
            return Optional.empty();
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.idd", orderTime = "0", orderAmount = "1", payAmount = "1")
        public CompletableFuture<Optional<Order>> later(String orderId) {
            return null;
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.id().lenght()", orderTime = "#result.createdAt.toEpochMili()",
                orderAmount = "#result.total.add()", payAmount = "1")
        public Order methods(String orderId) {
            return Order.of(orderId);
        }

        @ReportOrderStatus(status = "payed", orderId = "orderId", orderTime = "0", orderAmount = "1", payAmount = "1",
                page = "#root.target.pag")
        public void bareName(String orderId) {
        }
    }

    @Test
    void aPropertyMissingFromTheResultRecordFailsStartupWithASuggestion() {
        runner.withBean("typos", Typos.class).run(context -> {
            assertThat(context.getStartupFailure()).isInstanceOf(YoushuConfigurationException.class);
            assertThat(context.getStartupFailure().getMessage()).contains(
                    "bean 'typos' (" + Typos.class.getName() + "), method Typos.confirm(String): @ReportOrderStatus(payed): "
                            + "orderId \"#result.idd\": #result is Order (io.github.youshu.expression.Order), which has no "
                            + "property 'idd' (no getter get/isIdd(), accessor idd() or public field); did you mean 'id'?");
            assertThat(((YoushuConfigurationException) context.getStartupFailure()).getAction())
                    .contains("must exist on its declared type", "What startup checks");
        });
    }

    @Test
    void namedAndPositionalParametersAreCheckedAgainstTheirDeclaredTypes() {
        runner.withBean("typos", Typos.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "Typos.pay(PayCommand): @ReportOrderStatus(payed): orderId \"#cmd.ordrId\": #cmd is PayCommand ("
                        + PayCommand.class.getName() + "), which has no property 'ordrId'",
                "did you mean 'orderId'?",
                "condition \"#a0.firstOrdr\": #a0 is PayCommand", "did you mean 'firstOrder'?",
                "Typos.byPosition(PayCommand, Order): @ReportOrderStatus(payed): orderId \"#root.args[0].orderid\": "
                        + "#root.args[0] is PayCommand", "no property 'orderid'",
                "orderAmount \"#args[1].totl\": #args[1] is Order", "did you mean 'total'?")
                .doesNotContain("#p0.paidAt", "#args[0].paidAt"));
    }

    @Test
    void genericsResolveThroughTheDeclaredReturnType() {
        runner.withBean("typos", Typos.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "Typos.page(String): @ReportOrderStatus(payed): orderId \"#result.first().skuu\": #result.first() is Line ("
                        + Line.class.getName() + "), which has no property 'skuu'", "did you mean 'sku'?",
                "subOrders \"#result.items.![{subOrderId: sku, orderAmount: amout, payAmount: amount}]\": #this is Line",
                "no property 'amout'", "did you mean 'amount'?"));
    }

    @Test
    void optionalAndCompletionStageResultsAreUnwrappedAsTheInterceptorDoes() {
        runner.withBean("typos", Typos.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "Typos.find(String): @ReportOrderStatus(payed): orderId \"#result.idd\": #result is Order",
                "Typos.later(String): @ReportOrderStatus(payed): orderId \"#result.idd\": #result is Order"));
    }

    @Test
    void methodsAreCheckedByNameAndArgumentCount() {
        runner.withBean("typos", Typos.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "orderId \"#result.id().lenght()\": #result.id() is String (java.lang.String), which has no public method "
                        + "'lenght'; did you mean 'length'?",
                "orderTime \"#result.createdAt.toEpochMili()\": #result.createdAt is Instant", "did you mean 'toEpochMilli'?",
                "orderAmount \"#result.total.add()\": #result.total is BigDecimal (java.math.BigDecimal), whose method 'add' "
                        + "takes 1 or 2 argument(s), not 0"));
    }

    @Test
    void aBareNameOnTheRootSuggestsTheParameterAndRootTargetIsTheBeanClass() {
        runner.withBean("typos", Typos.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "Typos.bareName(String): @ReportOrderStatus(payed): orderId \"orderId\": #root is ReportExpressionRootObject",
                "no property 'orderId'", "did you mean '#orderId' (the parameter)?",
                "page \"#root.target.pag\": #root.target is Typos (" + Typos.class.getName() + "), which has no property 'pag'"));
    }

    // ---- chains that exist: startup succeeds, nothing is logged ----

    static class Valid {
        public String page = "pages/index/index";

        @ReportOrderStatus(status = "payed", orderId = "#cmd.orderId", orderTime = "#cmd.paidAt", orderAmount = "1",
                payAmount = "1", condition = "#cmd.firstOrder && #cmd.channel != null", page = "#root.target.page",
                openId = "#root.args[0].orderId + #root.method.name + #root.methodName + #args.length")
        public void pay(PayCommand cmd) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#result?.first()?.sku()", orderTime = "T(java.time.Instant).now()",
                subOrders = "#result.items.![{subOrderId: sku, orderAmount: amount, payAmount: amount}]",
                scene = "#result.items.size() > 0 ? 1001 : 1089", openId = "@youshuReporter.toString()")
        public CompletionStage<Page<Line>> page(String orderId) {
            return null;
        }

        @ReportEvent(type = "add_to_cart", props = "{sku_id: #line.sku, sku_num: #line.amount.intValue(), "
                + "'page': #lines[0].sku, names: #byName['a'].sku, skus: #byName.?[value.sku != null].![key]}")
        public void addToCart(Line line, Line[] lines, Map<String, Line> byName) {
        }
    }

    @Test
    void chainsThatExistStartWithoutWarnings() {
        try (LogCapture log = verifierLog()) {
            runner.withBean("valid", Valid.class).run(context -> assertThat(context).hasNotFailed());
            assertThat(log.messages()).isEmpty();
        }
    }

    // ---- types too open to tell: startup succeeds with a warning ----

    static class Open {
        @ReportOrderStatus(status = "payed", orderId = "#order.id", orderTime = "0", orderAmount = "#attributes.total",
                payAmount = "#attributes['total']", openId = "#customer.openId", userId = "#customer.userId",
                pageTitle = "#raw[0].title")
        public void pay(Object order, Map<String, Object> attributes, Customer customer, @SuppressWarnings("rawtypes") List raw) {
        }

        @ReportOrderStatus(status = "cancel_pay", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1",
                on = ReportOn.AFTER_THROWING, openId = "#ex.code", pageTitle = "#ex.message")
        public void cancel(String orderId) {
        }

        @ReportOrderStatus(status = "payed", orderId = "#result.first().id", orderTime = "0", orderAmount = "1", payAmount = "1")
        public <T> Page<T> generic(String orderId) {
            return null;
        }
    }

    @Test
    void chainsOnTypesTooOpenToTellAreLoggedAsWarnings() {
        try (LogCapture log = verifierLog()) {
            runner.withBean("open", Open.class).run(context -> assertThat(context).hasNotFailed());

            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll(
                    "bean 'open' (" + Open.class.getName() + "), method Open.pay(Object, Map, Customer, List)",
                    "orderId \"#order.id\": 'id' is not checked: #order is declared as Object (java.lang.Object), too open to tell"));
            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll(
                    "orderAmount \"#attributes.total\": #attributes is a Map",
                    "SpEL reads the entry 'total' as #attributes['total']"));
            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll(
                    "userId \"#customer.userId\": 'userId' is not checked: #customer is declared as Customer"));
            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll("pageTitle \"#raw[0].title\": 'title' is not checked"));
            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll(
                    "Open.cancel(String)", "openId \"#ex.code\": 'code' is not checked: #ex is whatever the method throws"));
            assertThat(log.messages(Level.WARN)).anySatisfy(containsAll(
                    "Open.generic(String)", "orderId \"#result.first().id\": 'id' is not checked"));
            assertThat(String.join("\n", log.messages())).doesNotContain("#attributes['total']\":", "#customer.openId",
                    "#ex.message");
        }
    }

    // ---- values that can never convert to what the attribute needs ----

    static class WrongKinds {
        @ReportOrderStatus(status = "payed", orderId = "#result.id", orderTime = "#result.id", orderAmount = "#result.createdAt",
                payAmount = "'9.90'", condition = "#result.total", openId = "#lines", scene = "'1001'")
        public Order pay(List<Line> lines) {
            return null;
        }

        @ReportOrderStatus(statusExpression = "#result.total", orderId = "#result.id", orderTime = "#result.createdAt",
                orderAmount = "#result.total", payAmount = "#result.total", condition = "#result.total.signum() > 0")
        public Order status(String orderId) {
            return null;
        }
    }

    @Test
    void aValueOfTheWrongKindFailsStartupNamingWhatTheAttributeNeeds() {
        runner.withBean("wrongKinds", WrongKinds.class).run(context -> assertThat(context.getStartupFailure().getMessage())
                .contains("WrongKinds.pay(List): @ReportOrderStatus(payed): orderTime \"#result.id\": gives String "
                                + "(java.lang.String), not a time: give epoch milliseconds, an Instant, Date, OffsetDateTime, "
                                + "ZonedDateTime or LocalDateTime",
                        "orderAmount \"#result.createdAt\": gives Instant (java.time.Instant), not an amount",
                        "condition \"#result.total\": gives BigDecimal (java.math.BigDecimal), not true or false",
                        "openId \"#lines\": gives List (java.util.List), not a text value",
                        "WrongKinds.status(String): @ReportOrderStatus(statusExpression): statusExpression \"#result.total\": "
                                + "gives BigDecimal (java.math.BigDecimal), not an order_status")
                .doesNotContain("payAmount \"'9.90'\"", "scene \"'1001'\"", "orderTime \"#result.createdAt\"",
                        "#result.total.signum() > 0"));
    }

    // ---- statuses ----

    static class Statuses {
        @ReportOrderStatus(status = "paid", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void paid(String orderId) {
        }

        @ReportOrderStatus(status = "refunded", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void refunded(String orderId) {
        }

        @ReportOrderStatus(status = "cancelled", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void cancelled(String orderId) {
        }

        @ReportOrderStatus(status = "give_ordr", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1",
                orderType = "Normal")
        public void typo(String orderId) {
        }

        @ReportOrderStatus(statusExpression = "'paid'", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void literalExpression(String orderId) {
        }

        @ReportEvent(type = "custom_ordr", props = "{order_id: #orderId}")
        public void misspeltType(String orderId) {
        }

        @ReportEvent(type = "add_to_cart", props = "{sku_id: #orderId}")
        public void otherType(String orderId) {
        }
    }

    @Test
    void anUnknownStatusSuggestsTheWireValue() {
        runner.withBean("statuses", Statuses.class).run(context -> assertThat(context.getStartupFailure().getMessage()).contains(
                "Statuses.paid(String): @ReportOrderStatus(paid): status \"paid\": Unknown order_status 'paid'; allowed values: "
                        + "give_order, cancel_pay, cancel_give_order, pay, payed, refund; did you mean 'payed'?",
                "status \"refunded\": Unknown order_status 'refunded'", "did you mean 'refund'?",
                "status \"cancelled\": Unknown order_status 'cancelled'", "did you mean 'cancel_give_order'?",
                "status \"give_ordr\": Unknown order_status 'give_ordr'", "did you mean 'give_order'?",
                "orderType \"Normal\": Unknown order_type 'Normal'", "did you mean 'normal'?",
                "Statuses.literalExpression(String): @ReportOrderStatus(statusExpression): statusExpression \"'paid'\": "
                        + "Unknown order_status 'paid'", "did you mean 'payed'?",
                "Statuses.misspeltType(String): @ReportEvent(custom_ordr): type \"custom_ordr\" looks like a misspelt "
                        + "custom_order: use @ReportOrderStatus")
                .doesNotContain("add_to_cart"));
    }

    @Test
    void aStatusExpressionGivingAnUnknownValueSuggestsTheWireValueAtRunTime() {
        assertThat(ReportOperationParser.didYouMeanStatus("paid")).isEqualTo("; did you mean 'payed'?");
        assertThat(ReportOperationParser.didYouMeanStatus("PAYED")).isEqualTo("; did you mean 'payed'?");
        assertThat(ReportOperationParser.didYouMeanStatus("cancelPay")).isEqualTo("; did you mean 'cancel_pay'?");
        assertThat(ReportOperationParser.didYouMeanStatus("shipped")).isEmpty();
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() -> ReportValues.orderStatus("paid"))
                .withMessageContaining("Unknown order_status 'paid'").withMessageEndingWith("; did you mean 'payed'?");
    }

    private static LogCapture verifierLog() {
        return new LogCapture(ReportDefinitionVerifier.class, Level.WARN);
    }

    private static Consumer<String> containsAll(String... parts) {
        return message -> assertThat(message).contains(parts);
    }
}
