package io.github.youshu.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The application's DataSource (a Hikari pool on {@code bench.datasource.url}, user
 * {@code bench.datasource.user}) and its transactions, in which the outbox rows are written.
 */
@Configuration(proxyBeanMethods = false)
public class OutboxDataSourceConfiguration {

    /** The size of the pool. */
    static final int POOL_SIZE = 10;

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment environment) {
        BenchDatabase database = new BenchDatabase(environment.getRequiredProperty("bench.datasource.name"),
                environment.getRequiredProperty("bench.datasource.url"),
                environment.getRequiredProperty("bench.datasource.user"));
        return database.dataSource(POOL_SIZE);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }
}
