package io.github.youshu.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Issue 11 item 10: the first start of the recommended outbox setup says exactly what to do — the
 * shipped script of the database, {@code youshu.outbox.initialize-schema}, Flyway and Liquibase —
 * and without spring-jdbc names {@code spring-boot-starter-jdbc}.
 */
class OutboxSetupMessagesTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(YoushuAutoConfiguration.class))
            .withPropertyValues("youshu.app-id=bi123", "youshu.app-secret=s3cr3t-value", "youshu.wx-app-id=wx0000000000test0",
                    "youshu.from=test-shop", "youshu.outbox.enabled=true", "youshu.outbox.initialize-schema=never");

    @Test
    void aMissingTableOnH2NamesTheH2ScriptThePropertyFlywayAndLiquibase() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(DataSource.class, () -> dataSource).run(context -> {
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("table 'youshu_outbox' is missing or not usable in H2")
                    .contains("youshu.outbox.initialize-schema=never does not create it");
            assertThat(analysis.getAction()).contains("classpath:META-INF/youshu/outbox/schema-h2.sql")
                    .contains("initialize-schema: always").contains("Flyway").contains("db/migration/V")
                    .contains("Liquibase").contains("<sqlFile path=\"META-INF/youshu/outbox/schema-h2.sql\"/>")
                    .as("embedded, the default, would not help").doesNotContain("Default:");
        });
    }

    @Test
    void aCustomTableNameIsNamedAndTheCopiedScriptMustBeRenamed() {
        DataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        runner.withBean(DataSource.class, () -> dataSource).withPropertyValues("youshu.outbox.table-name=shop_outbox")
                .run(context -> assertThat(analysis(context.getStartupFailure()).getAction())
                        .contains("Create the table 'shop_outbox'").contains("replace youshu_outbox with shop_outbox"));
    }

    /** The case of the issue: the recommended outbox on MariaDB, the table not yet created. */
    @Test
    @Tag("database")
    void aMissingTableOnMariadbNamesSchemaMysqlSql() {
        DataSource dataSource = new DriverManagerDataSource(System.getProperty("youshu.test.mariadb.url",
                "jdbc:mariadb://127.0.0.1:3306/test"), System.getProperty("youshu.test.mariadb.user", "root"),
                System.getProperty("youshu.test.mariadb.password", ""));
        runner.withBean(DataSource.class, () -> dataSource)
                .withPropertyValues("youshu.outbox.table-name=youshu_outbox_missing_" + UUID.randomUUID().toString().substring(0, 8))
                .run(context -> {
                    FailureAnalysis analysis = analysis(context.getStartupFailure());
                    assertThat(analysis.getDescription()).containsIgnoringCase("MariaDB");
                    assertThat(analysis.getAction()).contains("in MariaDB")
                            .contains("classpath:META-INF/youshu/outbox/schema-mysql.sql")
                            .contains("initialize-schema: always").contains("Flyway").contains("Liquibase");
                });
    }

    @Test
    void withoutSpringJdbcStartupNamesTheJdbcStarter() {
        runner.withClassLoader(new FilteredClassLoader(JdbcTemplate.class)).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = analysis(context.getStartupFailure());
            assertThat(analysis).as("our report, not Spring's \"required a bean of type EventStore\"").isNotNull();
            assertThat(analysis.getDescription()).contains("spring-jdbc");
            assertThat(analysis.getAction()).contains("<artifactId>spring-boot-starter-jdbc</artifactId>")
                    .contains("youshu.outbox.enabled=false");
        });
    }

    private static FailureAnalysis analysis(Throwable failure) {
        return new YoushuConfigurationFailureAnalyzer().analyze(failure);
    }
}
