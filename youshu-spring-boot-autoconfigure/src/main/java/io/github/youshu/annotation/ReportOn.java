package io.github.youshu.annotation;

/** When an annotated method's event is reported. */
public enum ReportOn {

    /**
     * After the method returned normally; {@code #result} is its return value (the completed value
     * of a {@code CompletionStage}, the content of an {@code Optional}).
     */
    AFTER_RETURNING,

    /**
     * After the method threw; {@code #ex} is the exception (the cause of a failed
     * {@code CompletionStage}). The exception still propagates unchanged.
     */
    AFTER_THROWING
}
