package io.github.youshu.expression;

import io.github.youshu.annotation.ReportOrderStatus;
import org.junit.jupiter.api.Test;
import org.springframework.expression.spel.standard.SpelExpressionParser;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the parser says when the parameter names were not compiled in ({@code -parameters} missing). */
class ReportOperationParserTest {

    private final ReportOperationParser parser = new ReportOperationParser(new SpelExpressionParser(), null);

    @Test
    void aNamedParameterWithoutParameterNamesSuggestsParametersOrPositions() throws Exception {
        Method method = Service.class.getMethod("pay", String.class);
        List<String> problems = new ArrayList<>();

        ReportOperation operation = parser.parse(method.getAnnotation(ReportOrderStatus.class), method, Service.class,
                "Service.pay(String)", new MethodVariables(1, null), problems, new ArrayList<>());

        assertThat(operation).isNull();
        assertThat(problems).containsExactly("@ReportOrderStatus(pay): orderId \"#orderId\": #orderId needs the parameter names, "
                + "which are not available: compile with -parameters (maven-compiler-plugin <parameters>true</parameters>) "
                + "or use #p0/#a0 instead");
    }

    @Test
    void positionsWorkWithoutParameterNames() throws Exception {
        Method method = Service.class.getMethod("payByPosition", String.class);
        List<String> problems = new ArrayList<>();

        ReportOperation operation = parser.parse(method.getAnnotation(ReportOrderStatus.class), method, Service.class,
                "Service.payByPosition(String)", new MethodVariables(1, null), problems, new ArrayList<>());

        assertThat(problems).isEmpty();
        assertThat(operation.label()).isEqualTo("Service.payByPosition(String) @ReportOrderStatus(pay)");
    }

    static class Service {
        @ReportOrderStatus(status = "pay", orderId = "#orderId", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void pay(String orderId) {
        }

        @ReportOrderStatus(status = "pay", orderId = "#p0 + #a0", orderTime = "0", orderAmount = "1", payAmount = "1")
        public void payByPosition(String orderId) {
        }
    }
}
