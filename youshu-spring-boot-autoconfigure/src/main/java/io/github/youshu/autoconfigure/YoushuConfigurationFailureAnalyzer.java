package io.github.youshu.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link YoushuConfigurationException} into a startup report with the fix to apply. */
class YoushuConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<YoushuConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, YoushuConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.getAction(), cause);
    }
}
