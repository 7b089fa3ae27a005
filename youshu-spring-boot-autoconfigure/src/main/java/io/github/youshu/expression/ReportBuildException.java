package io.github.youshu.expression;

/**
 * An event could not be built from an annotation: an expression failed, gave {@code null} for a
 * required value, or gave a value of the wrong type. The message names the annotation, the
 * attribute and the expression.
 */
final class ReportBuildException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;

    /**
     * @param message what failed, naming the annotation, the attribute and the expression
     * @param key     what makes two failures identical (for log summaries): the annotation, the
     *                attribute and the kind of failure, never per-call values
     * @param cause   the underlying exception, or {@code null}
     */
    ReportBuildException(String message, String key, Throwable cause) {
        super(message, cause, false, false);
        this.key = key;
    }

    String key() {
        return key;
    }
}
