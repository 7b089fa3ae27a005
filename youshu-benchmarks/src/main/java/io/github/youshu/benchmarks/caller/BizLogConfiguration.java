package io.github.youshu.benchmarks.caller;

import com.mzt.logapi.beans.LogRecord;
import com.mzt.logapi.service.ILogRecordService;
import com.mzt.logapi.starter.annotation.EnableLogRecord;
import io.github.youshu.benchmarks.shop.BizLogOrderService;
import io.github.youshu.benchmarks.shop.OrderBook;
import io.github.youshu.benchmarks.shop.OrderService;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * mzt-biz-log's context: {@code @EnableLogRecord} and a record service that counts and discards
 * the records (its default one logs each record at INFO, which would measure the logger instead).
 */
@Configuration(proxyBeanMethods = false)
@EnableLogRecord(tenant = "youshu-benchmarks", proxyTargetClass = true)
public class BizLogConfiguration {

    @Bean
    OrderService orderService() {
        return new BizLogOrderService(new OrderBook());
    }

    /** Primary: mzt-biz-log's own (logging) record service is registered beside it. */
    @Bean
    @Primary
    CountingLogRecordService logRecordService() {
        return new CountingLogRecordService();
    }

    /** Counts the records written, so that the benchmark can tell that the annotation ran. */
    public static final class CountingLogRecordService implements ILogRecordService {

        private final AtomicLong records = new AtomicLong();

        @Override
        public void record(LogRecord logRecord) {
            records.incrementAndGet();
        }

        @Override
        public List<LogRecord> queryLog(String bizKey, String type) {
            return List.of();
        }

        @Override
        public List<LogRecord> queryLogByBizNo(String bizNo, String type, String subType) {
            return List.of();
        }

        public long records() {
            return records.get();
        }
    }
}
