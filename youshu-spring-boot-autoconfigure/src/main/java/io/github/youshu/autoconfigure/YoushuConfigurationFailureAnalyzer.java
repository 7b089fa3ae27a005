package io.github.youshu.autoconfigure;

import java.util.Map;
import java.util.StringJoiner;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link YoushuConfigurationException} into a startup report with the fix to apply and, for
 * an {@linkplain YoushuConfigurationException#invalidSetting invalid setting}, the default of each
 * {@code youshu.*} property the report names (from the configuration metadata).
 */
class YoushuConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<YoushuConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, YoushuConfigurationException cause) {
        Map<String, String> defaults = cause.isInvalidSetting()
                ? PropertyDefaults.namedIn(cause.getMessage(), getClass().getClassLoader()) : Map.of();
        if (defaults.isEmpty()) {
            return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
        }
        StringJoiner named = new StringJoiner(", ", "\n\nDefault" + (defaults.size() > 1 ? "s" : "") + ": ",
                " (remove the setting to use " + (defaults.size() > 1 ? "them" : "it") + ").");
        defaults.forEach((name, value) -> named.add(name + "=" + value));
        return new FailureAnalysis(cause.getMessage(), cause.getAction() + named, cause);
    }
}
