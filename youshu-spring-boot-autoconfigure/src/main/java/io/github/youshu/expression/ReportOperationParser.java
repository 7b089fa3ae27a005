package io.github.youshu.expression;

import io.github.youshu.annotation.ReportCouponOrder;
import io.github.youshu.annotation.ReportEvent;
import io.github.youshu.annotation.ReportOn;
import io.github.youshu.annotation.ReportOrderStatus;
import io.github.youshu.annotation.SyncOrder;
import io.github.youshu.annotation.SyncOrderStatus;
import io.github.youshu.annotation.SyncReturnOrder;
import io.github.youshu.event.OrderStatus;
import io.github.youshu.event.OrderType;
import io.github.youshu.event.YoushuEvent;
import io.github.youshu.order.OrderStatusCode;
import org.springframework.core.ResolvableType;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelNode;
import org.springframework.expression.spel.ast.BeanReference;
import org.springframework.expression.spel.ast.FunctionReference;
import org.springframework.expression.spel.ast.StringLiteral;
import org.springframework.expression.spel.ast.VariableReference;
import org.springframework.expression.spel.standard.SpelExpression;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the report and order sync annotations of a method into {@link ReportOperation}s: parses every expression
 * once and checks what can be checked before the first call (required attributes, literal status
 * and order type values, expression syntax, the variables and beans the expressions use). Every
 * problem found is added to a list; an operation with a problem is left out.
 */
final class ReportOperationParser {

    private static final List<String> ORDER_STATUSES =
            Arrays.stream(OrderStatus.values()).map(OrderStatus::wireValue).toList();

    private static final List<String> ORDER_TYPES = Arrays.stream(OrderType.values()).map(OrderType::wireValue).toList();

    /** English words a developer may write for a status, by the wire value Youshu uses. */
    private static final Map<String, String> STATUS_ALIASES = Map.ofEntries(
            Map.entry("paid", "payed"), Map.entry("pay_success", "payed"), Map.entry("pay_succeeded", "payed"),
            Map.entry("payment_success", "payed"), Map.entry("success", "payed"), Map.entry("completed", "payed"),
            Map.entry("paying", "pay"), Map.entry("payment", "pay"), Map.entry("pay_start", "pay"),
            Map.entry("created", "give_order"), Map.entry("create", "give_order"), Map.entry("submitted", "give_order"),
            Map.entry("submit", "give_order"), Map.entry("ordered", "give_order"), Map.entry("placed", "give_order"),
            Map.entry("cancel", "cancel_give_order"), Map.entry("cancelled", "cancel_give_order"),
            Map.entry("canceled", "cancel_give_order"), Map.entry("closed", "cancel_give_order"),
            Map.entry("pay_cancelled", "cancel_pay"), Map.entry("pay_canceled", "cancel_pay"),
            Map.entry("refunded", "refund"), Map.entry("refunding", "refund"), Map.entry("returned", "refund"));

    /** Words a developer may write for a data-api order status (§8): behaviour statuses and English words. */
    private static final Map<String, OrderStatusCode> SYNC_STATUS_ALIASES = Map.ofEntries(
            Map.entry("give_order", OrderStatusCode.CREATED), Map.entry("created", OrderStatusCode.CREATED),
            Map.entry("unpaid", OrderStatusCode.CREATED), Map.entry("pending_payment", OrderStatusCode.CREATED),
            Map.entry("cancel_give_order", OrderStatusCode.CANCELLED_BEFORE_PAYMENT),
            Map.entry("cancelled", OrderStatusCode.CANCELLED_BEFORE_PAYMENT),
            Map.entry("canceled", OrderStatusCode.CANCELLED_BEFORE_PAYMENT),
            Map.entry("payed", OrderStatusCode.PAID), Map.entry("pay_success", OrderStatusCode.PAID),
            Map.entry("ship", OrderStatusCode.SHIPPED), Map.entry("sent", OrderStatusCode.SHIPPED),
            Map.entry("delivered", OrderStatusCode.SHIPPED), Map.entry("dispatched", OrderStatusCode.SHIPPED),
            Map.entry("complete", OrderStatusCode.COMPLETED), Map.entry("received", OrderStatusCode.COMPLETED),
            Map.entry("finished", OrderStatusCode.COMPLETED), Map.entry("done", OrderStatusCode.COMPLETED),
            Map.entry("refund", OrderStatusCode.REFUND_IN_PROGRESS), Map.entry("refunding", OrderStatusCode.REFUND_IN_PROGRESS),
            Map.entry("refunded", OrderStatusCode.RETURN_AND_REFUND_COMPLETED),
            Map.entry("returned", OrderStatusCode.RETURN_AND_REFUND_COMPLETED));

    private static final List<String> SYNC_STATUS_NAMES = Arrays.stream(OrderStatusCode.values()).map(Enum::name).toList();

    private final SpelExpressionParser parser;
    private final Predicate<String> beanExists;

    /**
     * @param parser     the SpEL parser (its configuration decides compilation)
     * @param beanExists whether a bean of the name exists, for {@code @name} references; {@code null} to not check
     */
    ReportOperationParser(SpelExpressionParser parser, Predicate<String> beanExists) {
        this.parser = parser;
        this.beanExists = beanExists;
    }

    /**
     * @param annotation  a {@link ReportOrderStatus}, {@link ReportCouponOrder}, {@link ReportEvent}, {@link SyncOrder},
     *                    {@link SyncOrderStatus} or {@link SyncReturnOrder}
     * @param method      the method it annotates (whose parameters the expressions see)
     * @param targetClass the class of the bean the method is called on; {@code null} for the method's own class
     * @param origin      the method as named in messages
     * @param variables   the method's parameter variables
     * @param problems    where to add the problems found
     * @param warnings    where to add what could not be checked (see {@link ExpressionTypeChecker})
     * @return the operation, or {@code null} when it has a problem
     */
    ReportOperation parse(Annotation annotation, Method method, Class<?> targetClass, String origin,
                          MethodVariables variables, List<String> problems, List<String> warnings) {
        Attributes attributes = new Attributes(method, origin, variables, problems, warnings,
                new ExpressionTypeChecker(method, targetClass, variables));
        if (annotation instanceof ReportOrderStatus report) {
            return orderStatus(report, attributes);
        }
        if (annotation instanceof ReportCouponOrder report) {
            return couponOrder(report, attributes);
        }
        if (annotation instanceof SyncOrder sync) {
            return mapped("@SyncOrder", MappedSyncOperation.Kind.ORDER, sync.order(), sync.condition(), sync.on(), attributes);
        }
        if (annotation instanceof SyncReturnOrder sync) {
            return mapped("@SyncReturnOrder", MappedSyncOperation.Kind.RETURN_ORDER, sync.returnOrder(), sync.condition(),
                    sync.on(), attributes);
        }
        if (annotation instanceof SyncOrderStatus sync) {
            return syncStatus(sync, attributes);
        }
        return event((ReportEvent) annotation, attributes);
    }

    private ReportOperation orderStatus(ReportOrderStatus report, Attributes attributes) {
        String label = "@ReportOrderStatus(" + statusLabel(report.status()) + ")";
        attributes.start(label, report.on());
        OrderStatus status = status(report.status(), report.statusExpression(), attributes);
        OrderType orderType = null;
        if (!report.orderType().isBlank()) {
            try {
                orderType = OrderType.fromWireValue(report.orderType());
            }
            catch (IllegalArgumentException ex) {
                attributes.problem("orderType \"" + report.orderType() + "\": " + ex.getMessage()
                        + Suggestions.didYouMean(report.orderType(), ORDER_TYPES));
            }
        }
        attributes.required(ReportAttribute.ORDER_ID, report.orderId());
        attributes.required(ReportAttribute.ORDER_TIME, report.orderTime());
        boolean amounts = !report.orderAmount().isBlank() || !report.payAmount().isBlank();
        boolean subOrders = !report.subOrders().isBlank();
        if (amounts && subOrders) {
            attributes.problem("give either orderAmount and payAmount or subOrders, not both");
        }
        else if (subOrders) {
            attributes.required(ReportAttribute.SUB_ORDERS, report.subOrders());
        }
        else if (amounts) {
            attributes.required(ReportAttribute.ORDER_AMOUNT, report.orderAmount());
            attributes.required(ReportAttribute.PAY_AMOUNT, report.payAmount());
        }
        else {
            attributes.problem("the amounts are missing: give orderAmount and payAmount (one sub-order that repeats "
                    + "the order) or subOrders");
        }
        common(report.openId(), report.unionId(), report.userId(), report.page(), report.pageTitle(), report.scene(),
                report.shopId(), report.shopName(), report.trackingId(), report.condition(), attributes);
        return attributes.failed() ? null
                : new OrderStatusOperation(attributes.origin(label), report.on(), attributes.expressions, status, orderType);
    }

    private ReportOperation couponOrder(ReportCouponOrder report, Attributes attributes) {
        String label = "@ReportCouponOrder(" + statusLabel(report.status()) + ")";
        attributes.start(label, report.on());
        OrderStatus status = status(report.status(), report.statusExpression(), attributes);
        attributes.required(ReportAttribute.ORDER_ID, report.orderId());
        attributes.required(ReportAttribute.ORDER_TIME, report.orderTime());
        attributes.required(ReportAttribute.COUPON_BATCH_ID, report.couponBatchId());
        attributes.required(ReportAttribute.PAY_AMOUNT, report.payAmount());
        attributes.required(ReportAttribute.COUPON_IDS, report.couponIds());
        common(report.openId(), report.unionId(), report.userId(), report.page(), report.pageTitle(), report.scene(),
                report.shopId(), report.shopName(), report.trackingId(), report.condition(), attributes);
        return attributes.failed() ? null : new CouponOrderOperation(attributes.origin(label), report.on(), attributes.expressions, status);
    }

    private ReportOperation event(ReportEvent report, Attributes attributes) {
        String type = report.type().trim();
        String label = "@ReportEvent(" + type + ")";
        attributes.start(label, report.on());
        if (type.isEmpty()) {
            attributes.problem("type is required, e.g. type = \"add_to_cart\"");
        }
        else if (type.equals(YoushuEvent.CUSTOM_ORDER)) {
            attributes.problem("type \"custom_order\": use @ReportOrderStatus, which builds and checks the order");
        }
        else if (type.equals(YoushuEvent.COUPON_ORDER)) {
            attributes.problem("type \"coupon_order\": use @ReportCouponOrder, which builds and checks the order");
        }
        else {
            String order = Suggestions.closest(type, List.of(YoushuEvent.CUSTOM_ORDER, YoushuEvent.COUPON_ORDER));
            if (order != null) {
                attributes.problem("type \"" + type + "\" looks like a misspelt " + order + ": use "
                        + (order.equals(YoushuEvent.CUSTOM_ORDER) ? "@ReportOrderStatus" : "@ReportCouponOrder")
                        + ", which builds and checks the order");
            }
        }
        attributes.optional(ReportAttribute.PROPS, report.props());
        common(report.openId(), report.unionId(), report.userId(), report.page(), report.pageTitle(), report.scene(),
                report.shopId(), report.shopName(), report.trackingId(), report.condition(), attributes);
        return attributes.failed() ? null : new GenericEventOperation(attributes.origin(label), type, report.on(), attributes.expressions);
    }

    private <M> ReportOperation mapped(String name, MappedSyncOperation.Kind<M> kind, String source, String condition,
                                       ReportOn on, Attributes attributes) {
        String label = name + "(" + source.trim() + ")";
        attributes.start(label, on);
        attributes.required(kind.attribute(), source);
        attributes.optional(ReportAttribute.CONDITION, condition);
        return attributes.failed() ? null : new MappedSyncOperation<>(attributes.origin(label), kind, on,
                attributes.expressions, attributes.declaredTypes.getOrDefault(kind.attribute(), ResolvableType.NONE));
    }

    private ReportOperation syncStatus(SyncOrderStatus sync, Attributes attributes) {
        String label = "@SyncOrderStatus(" + sync.status().trim() + ")";
        attributes.start(label, sync.on());
        OrderStatusCode status = null;
        if (sync.status().isBlank()) {
            attributes.problem("status is required, e.g. status = \"1160\" (shipped)");
        }
        else {
            status = orderStatusCode(sync.status());
            if (status == null) {
                attributes.problem("status \"" + sync.status() + "\" is not a data-api order status" + didYouMeanOrderStatusCode(sync.status())
                        + "; allowed: " + Arrays.stream(OrderStatusCode.values()).map(code -> code.code() + " (" + code.name() + ")")
                                .collect(java.util.stream.Collectors.joining(", ")));
            }
        }
        attributes.required(ReportAttribute.ORDER_ID, sync.orderId());
        attributes.optional(ReportAttribute.STATUS_CHANGE_TIME, sync.time());
        attributes.optional(ReportAttribute.CONDITION, sync.condition());
        return attributes.failed() ? null
                : new StatusSyncOperation(attributes.origin(label), sync.on(), attributes.expressions, status);
    }

    /**
     * The data-api order status (§8) written as its code ({@code "1160"}) or its constant's name
     * ({@code "SHIPPED"}, any case, {@code -} or a space for {@code _}); {@code null} for anything else.
     */
    static OrderStatusCode orderStatusCode(String written) {
        String trimmed = written.trim();
        String name = trimmed.toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (OrderStatusCode code : OrderStatusCode.values()) {
            if (code.code().equals(trimmed) || code.name().equals(name)) {
                return code;
            }
        }
        return null;
    }

    /**
     * {@code "; did you mean '1150' (PAID)?"} for a data-api status written as a behaviour status, an
     * English word or a misspelt constant name; empty when nothing fits.
     */
    static String didYouMeanOrderStatusCode(String written) {
        OrderStatusCode code = SYNC_STATUS_ALIASES.get(written.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        if (code == null) {
            String name = Suggestions.closest(written.trim().toUpperCase(Locale.ROOT), SYNC_STATUS_NAMES);
            code = name == null ? null : OrderStatusCode.valueOf(name);
        }
        return code == null ? "" : "; did you mean '" + code.code() + "' (" + code.name() + ")?";
    }

    private static String statusLabel(String status) {
        return status.isBlank() ? "statusExpression" : status;
    }

    private static OrderStatus status(String status, String statusExpression, Attributes attributes) {
        boolean literal = !status.isBlank();
        boolean expression = !statusExpression.isBlank();
        if (literal == expression) {
            attributes.problem(literal ? "give either status or statusExpression, not both"
                    : "status is required: give status (e.g. status = \"payed\") or statusExpression");
            return null;
        }
        if (expression) {
            Expression parsed = attributes.optional(ReportAttribute.STATUS_EXPRESSION, statusExpression);
            if (parsed instanceof SpelExpression spel && spel.getAST() instanceof StringLiteral text) {
                String value = String.valueOf(text.getLiteralValue().getValue());
                try {
                    OrderStatus.fromWireValue(value);
                }
                catch (IllegalArgumentException ex) {
                    attributes.problem("statusExpression \"" + statusExpression + "\": " + ex.getMessage()
                            + didYouMeanStatus(value));
                }
            }
            return null;
        }
        try {
            return OrderStatus.fromWireValue(status);
        }
        catch (IllegalArgumentException ex) {
            attributes.problem("status \"" + status + "\": " + ex.getMessage() + didYouMeanStatus(status));
            return null;
        }
    }

    /**
     * {@code "; did you mean 'payed'?"} for a status that is a typo of a wire value or an English word
     * for one ({@code paid}, {@code refunded}, {@code cancelled}...); empty when nothing fits.
     */
    static String didYouMeanStatus(String status) {
        String alias = STATUS_ALIASES.get(status.trim().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        return alias != null ? "; did you mean '" + alias + "'?" : Suggestions.didYouMean(status, ORDER_STATUSES);
    }

    private static void common(String openId, String unionId, String userId, String page, String pageTitle,
                               String scene, String shopId, String shopName, String trackingId, String condition,
                               Attributes attributes) {
        attributes.optional(ReportAttribute.OPEN_ID, openId);
        attributes.optional(ReportAttribute.UNION_ID, unionId);
        attributes.optional(ReportAttribute.USER_ID, userId);
        attributes.optional(ReportAttribute.PAGE, page);
        attributes.optional(ReportAttribute.PAGE_TITLE, pageTitle);
        attributes.optional(ReportAttribute.SCENE, scene);
        attributes.optional(ReportAttribute.SHOP_ID, shopId);
        attributes.optional(ReportAttribute.SHOP_NAME, shopName);
        attributes.optional(ReportAttribute.TRACKING_ID, trackingId);
        attributes.optional(ReportAttribute.CONDITION, condition);
    }

    /** Collects the parsed expressions and the problems of one annotation. */
    private final class Attributes {
        private final Method method;
        private final String origin;
        private final MethodVariables variables;
        private final List<String> problems;
        private final List<String> warnings;
        private final ExpressionTypeChecker types;
        private final Map<ReportAttribute, Expression> expressions = new EnumMap<>(ReportAttribute.class);
        /** The declared value type of each valid expression whose type is known. */
        private final Map<ReportAttribute, ResolvableType> declaredTypes = new EnumMap<>(ReportAttribute.class);
        private String label;
        private ReportOn on;
        private int problemsBefore;

        Attributes(Method method, String origin, MethodVariables variables, List<String> problems,
                   List<String> warnings, ExpressionTypeChecker types) {
            this.method = method;
            this.origin = origin;
            this.variables = variables;
            this.problems = problems;
            this.warnings = warnings;
            this.types = types;
        }

        void start(String label, ReportOn on) {
            this.label = label;
            this.on = on;
            this.problemsBefore = problems.size();
        }

        /** The annotation on its method, e.g. {@code OrderService.pay(String) @ReportOrderStatus(payed)}. */
        String origin(String label) {
            return origin + " " + label;
        }

        boolean failed() {
            return problems.size() > problemsBefore;
        }

        void problem(String problem) {
            problems.add(label + ": " + problem);
        }

        void required(ReportAttribute attribute, String source) {
            if (source.isBlank()) {
                problem(attribute.attributeName() + " is required");
            }
            else {
                optional(attribute, source);
            }
        }

        /** @return the parsed expression, or {@code null} when there is none or it has a problem */
        Expression optional(ReportAttribute attribute, String source) {
            if (source.isBlank()) {
                return null;
            }
            String where = attribute.attributeName() + " \"" + source + "\": ";
            Expression expression;
            try {
                expression = parser.parseExpression(source);
            }
            catch (ParseException ex) {
                problem(where + "not a valid SpEL expression: " + ex.getMessage());
                return null;
            }
            int before = problems.size();
            SpelNode ast = ((SpelExpression) expression).getAST();
            check(ast, where);
            if (problems.size() > before) {
                return null;
            }
            ResolvableType type = types.check(ast, problem -> problem(where + problem),
                    warning -> warnings.add(label + ": " + where + warning));
            Class<?> resolved = type.resolve();
            String mismatch = resolved == null ? null : ReportValues.neverConverts(attribute, resolved);
            if (mismatch != null && problems.size() == before) {
                problem(where + "gives " + resolved.getSimpleName() + " (" + resolved.getName() + "), " + mismatch);
            }
            expressions.put(attribute, expression);
            if (resolved != null) {
                declaredTypes.put(attribute, type);
            }
            return problems.size() > before ? null : expression;
        }

        private void check(SpelNode node, String where) {
            if (node instanceof VariableReference) {
                checkVariable(node.toStringAST().substring(1), where);
            }
            else if (node instanceof FunctionReference) {
                problem(where + "function calls such as " + node.toStringAST() + " are not supported");
            }
            else if (node instanceof BeanReference bean && beanExists != null && !beanExists.test(bean.getName())) {
                problem(where + "no bean named '" + bean.getName() + "'");
            }
            for (int i = 0; i < node.getChildCount(); i++) {
                check(node.getChild(i), where);
            }
        }

        private void checkVariable(String name, String where) {
            switch (name) {
                case "root", "this", ReportEvaluationContext.ARGS -> {
                }
                case ReportEvaluationContext.RESULT -> {
                    if (on == ReportOn.AFTER_THROWING) {
                        problem(where + "#result is not available with on = AFTER_THROWING (use #ex)");
                    }
                    else if (method.getReturnType() == void.class) {
                        problem(where + "#result is not available: the method returns void");
                    }
                }
                case ReportEvaluationContext.EXCEPTION -> {
                    if (on != ReportOn.AFTER_THROWING) {
                        problem(where + "#ex is only available with on = AFTER_THROWING");
                    }
                }
                default -> checkParameter(name, where);
            }
        }

        private void checkParameter(String name, String where) {
            if (variables.indexOf(name) >= 0) {
                return;
            }
            int count = method.getParameterCount();
            if (name.matches("[pa]\\d+")) {
                problem(where + "#" + name + " is out of range: the method has " + count + " parameter(s)");
            }
            else if (variables.names() == null && count > 0) {
                problem(where + "#" + name + " needs the parameter names, which are not available: compile with "
                        + "-parameters (maven-compiler-plugin <parameters>true</parameters>) or use #p0/#a0 instead");
            }
            else {
                problem(where + "no parameter named '" + name + "' (parameters: "
                        + (count == 0 ? "none" : String.join(", ", variables.names()))
                        + "; also available: #p0/#a0, #args, #result, #ex, #root.method, #root.target)");
            }
        }
    }
}
