package io.github.youshu;

import io.github.youshu.event.YoushuEvent;

/**
 * Reports Youshu events from code where an annotation does not fit. Validation and delivery are
 * the same as for the annotations: the event is validated on the calling thread and delivered
 * asynchronously.
 */
public interface YoushuReporter {

    /**
     * Normalises and validates the event (see the README's "What is sent: normalisation and
     * limits") and hands it to delivery. With {@code youshu.failure-mode=log} (the default)
     * nothing thrown while reporting reaches the caller but the JVM's fatal errors
     * ({@code VirtualMachineError}s other than {@code StackOverflowError}): an event that is
     * {@code null}, invalid, too large for one request, or whose values throw when read is counted
     * invalid, logged and dropped.
     *
     * @return {@code true} when the event was accepted for delivery; {@code false} when it was
     *         invalid or refused (with {@code youshu.failure-mode=log}, the default)
     * @throws YoushuReportException when the event cannot be reported and
     *                               {@code youshu.failure-mode=throw}: it names every violation
     *                               with its JSON path, or carries the failure as its cause
     */
    boolean report(YoushuEvent event);
}
