package io.github.youshu.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** Auto-configuration of Youshu reporting. */
@AutoConfiguration
@ConditionalOnProperty(prefix = "youshu", name = "enabled", havingValue = "true", matchIfMissing = true)
public class YoushuAutoConfiguration {
}
