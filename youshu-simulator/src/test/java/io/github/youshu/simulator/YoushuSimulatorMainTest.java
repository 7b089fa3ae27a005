package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YoushuSimulatorMainTest {

    @Test
    void usesPort8089AndTheDemoCredentialsByDefault() {
        try (YoushuSimulator simulator = YoushuSimulatorMain.configure(new String[0], Map.of()).port(0).build().start()) {
            assertThat(simulator.appId()).isEqualTo("bi-demo-app");
            ReportClient client = new ReportClient(simulator.baseUrl(), "bi-demo-app", "demo-secret",
                    Clock.systemUTC());
            assertThat(client.safeReport(Golden.load("custom_order.json")).code()).isZero();
        }
        assertThat(YoushuSimulatorMain.DEFAULT_PORT).isEqualTo(8089);
    }

    @Test
    void takesCredentialsFromTheEnvironmentAndArgumentsOverrideThem() {
        Map<String, String> env = Map.of("YOUSHU_APP_ID", "bi-env-app", "YOUSHU_APP_SECRET", "env-secret");

        try (YoushuSimulator fromEnv = YoushuSimulatorMain.configure(new String[] {"--port=0"}, env).build().start()) {
            assertThat(fromEnv.appId()).isEqualTo("bi-env-app");
            ReportClient client = new ReportClient(fromEnv.baseUrl(), "bi-env-app", "env-secret",
                    Clock.systemUTC());
            assertThat(client.safeReport(Golden.load("custom_order.json")).code()).isZero();
        }
        String[] args = {"--port=0", "--host=127.0.0.1", "--app-id=bi-arg-app", "--app-secret=arg-secret"};
        try (YoushuSimulator fromArgs = YoushuSimulatorMain.configure(args, env).build().start()) {
            assertThat(fromArgs.appId()).isEqualTo("bi-arg-app");
            ReportClient client = new ReportClient(fromArgs.baseUrl(), "bi-arg-app", "arg-secret",
                    Clock.systemUTC());
            assertThat(client.safeReport(Golden.load("custom_order.json")).code()).isZero();
        }
    }

    @Test
    void takesTheDataApiSettingsFromArguments() {
        String[] args = {"--port=0", "--merchant-id=M-9", "--data-source-id=20001", "--zone=UTC"};
        try (YoushuSimulator simulator = YoushuSimulatorMain.configure(args, Map.of()).build().start()) {
            assertThat(simulator.merchantId()).isEqualTo("M-9");
            assertThat(simulator.dataSources()).containsExactly(new DataSource("20001", "M-9"));
            assertThat(simulator.zone()).isEqualTo(ZoneId.of("UTC"));
        }
        try (YoushuSimulator defaults = YoushuSimulatorMain.configure(new String[0], Map.of()).port(0).build()) {
            assertThat(defaults.merchantId()).isEqualTo(YoushuSimulator.DEFAULT_MERCHANT_ID);
            assertThat(defaults.dataSources()).isEmpty();
            assertThat(defaults.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        }
    }

    @Test
    void refusesUnknownOrMalformedArguments() {
        assertThatThrownBy(() -> YoushuSimulatorMain.configure(new String[] {"--zone=Mars/Base"}, Map.of()))
                .hasMessage("--zone must be a zone id such as Asia/Shanghai, was 'Mars/Base'");
        assertThatThrownBy(() -> YoushuSimulatorMain.configure(new String[] {"--prot=1"}, Map.of()))
                .hasMessage("unknown argument '--prot'");
        assertThatThrownBy(() -> YoushuSimulatorMain.configure(new String[] {"--port=x"}, Map.of()))
                .hasMessage("--port must be a number, was 'x'");
        assertThatThrownBy(() -> YoushuSimulatorMain.configure(new String[] {"--app-secret="}, Map.of()))
                .hasMessage("appSecret must not be blank");
    }
}
