package io.github.youshu;

/**
 * What happens when an event cannot be reported because an expression failed, a required value
 * was {@code null} or the event is invalid (property {@code youshu.failure-mode}).
 */
public enum FailureMode {

    /**
     * The default: the event is dropped, the failure is logged (identical failures are summarised)
     * and counted. The reporting method's caller never notices.
     */
    LOG,

    /**
     * The caller gets a {@link YoushuReportException} naming every violation; for an annotated
     * method it is thrown after the method ran. A method's own exception always propagates
     * unchanged (a report failure on that path is logged), and a failure reported when a
     * {@code CompletionStage} completes is logged, as nobody could catch it.
     */
    THROW
}
