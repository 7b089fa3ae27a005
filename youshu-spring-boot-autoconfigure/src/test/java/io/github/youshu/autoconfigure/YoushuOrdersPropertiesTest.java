package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** {@code youshu.orders.*} and {@code youshu.merchant-id}: defaults, binding and the checks that name the property. */
class YoushuOrdersPropertiesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuOrdersAutoConfiguration.class));

    private static Binder binder(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties));
    }

    private static ApplicationContextInitializer<ConfigurableApplicationContext> exactly(String name, String value) {
        return context -> context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("exact", Map.of(name, value)));
    }

    @Test
    void defaults() {
        YoushuOrdersProperties orders = new YoushuOrdersProperties();

        assertThat(orders.getDataSourceId()).isNull();
        assertThat(orders.getMaxItemsPerRequest()).isEqualTo(50);
        assertThat(orders.isStrictAmounts()).isFalse();
        assertThat(new YoushuMerchantProperties().getMerchantId()).isNull();
    }

    @Test
    void everySettingBinds() {
        Binder binder = binder(Map.of("youshu.orders.data-source-id", "10001",
                "youshu.orders.max-items-per-request", "20", "youshu.orders.strict-amounts", "true",
                "youshu.merchant-id", "M-1001"));

        YoushuOrdersProperties orders = binder.bind("youshu.orders", YoushuOrdersProperties.class).get();
        YoushuMerchantProperties merchant = binder.bind("youshu", YoushuMerchantProperties.class).get();

        assertThat(orders.getDataSourceId()).isEqualTo("10001");
        assertThat(orders.getMaxItemsPerRequest()).isEqualTo(20);
        assertThat(orders.isStrictAmounts()).isTrue();
        assertThat(merchant.getMerchantId()).isEqualTo("M-1001");
    }

    @Test
    void aBlankIdMeansUnset() {
        Binder binder = binder(Map.of("youshu.orders.data-source-id", " ", "youshu.merchant-id", ""));

        assertThat(binder.bind("youshu.orders", YoushuOrdersProperties.class).get().getDataSourceId()).isNull();
        assertThat(binder.bindOrCreate("youshu", YoushuMerchantProperties.class).getMerchantId()).isNull();
    }

    @Test
    void theAutoConfigurationBindsBothAndTheMainPropertiesIgnoreTheMerchantId() {
        runner.withPropertyValues("youshu.merchant-id=M-1001", "youshu.orders.max-items-per-request=10")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(YoushuMerchantProperties.class).getMerchantId()).isEqualTo("M-1001");
                    assertThat(context.getBean(YoushuOrdersProperties.class).getMaxItemsPerRequest()).isEqualTo(10);
                });
        Binder binder = binder(Map.of("youshu.merchant-id", "M-1001", "youshu.app-id", "bi1"));
        assertThat(binder.bind("youshu", YoushuProperties.class).get().getAppId()).isEqualTo("bi1");
    }

    @Test
    void tooManyItemsPerRequestFailStartupNamingThePropertyAndTheRange() {
        runner.withPropertyValues("youshu.orders.max-items-per-request=60").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("youshu.orders.max-items-per-request must be between 1 and 50 (Youshu's data-api "
                            + "takes at most 50 items a request), but was 60");
            assertThat(context.getStartupFailure()).hasStackTraceContaining(BindException.class.getName());
        });
    }

    @Test
    void zeroItemsPerRequestFailsToo() {
        runner.withPropertyValues("youshu.orders.max-items-per-request=0").run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("but was 0"));
    }

    @Test
    void anIdWithATrailingNewlineFailsStartupNamingTheProperty() {
        // withPropertyValues would trim the values: a property source keeps them as a mounted file gives them.
        runner.withInitializer(exactly("youshu.orders.data-source-id", "10001\n")).run(context ->
                assertThat(context.getStartupFailure()).rootCause()
                        .hasMessage("youshu.orders.data-source-id '10001' has leading or trailing whitespace: remove it"));
        runner.withInitializer(exactly("youshu.merchant-id", " M-1")).run(context ->
                assertThat(context.getStartupFailure()).rootCause().hasMessageStartingWith("youshu.merchant-id 'M-1'"));
    }

    @Test
    void nothingIsBoundWhenYoushuIsOff() {
        runner.withPropertyValues("youshu.enabled=false", "youshu.orders.max-items-per-request=60").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(YoushuOrdersProperties.class);
        });
    }
}
