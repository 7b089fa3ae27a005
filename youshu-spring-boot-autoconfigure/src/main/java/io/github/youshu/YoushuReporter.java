package io.github.youshu;

import io.github.youshu.event.YoushuEvent;

/**
 * Reports Youshu events from code where an annotation does not fit. Validation and delivery are
 * the same as for the annotations: the event is validated on the calling thread and delivered
 * asynchronously.
 */
public interface YoushuReporter {

    /**
     * Validates the event and hands it to delivery.
     *
     * @return {@code true} when the event was accepted for delivery; {@code false} when it was
     *         invalid or refused (with {@code youshu.failure-mode=log}, the default)
     * @throws YoushuReportException when the event is invalid and {@code youshu.failure-mode=throw}
     */
    boolean report(YoushuEvent event);
}
