package io.github.youshu.expression;

/**
 * Which failures of reporting may reach the caller: none but the JVM's own fatal errors. A
 * {@link VirtualMachineError} ({@code OutOfMemoryError}, {@code InternalError}, ...) is rethrown;
 * everything else, {@code StackOverflowError} included (its stack has unwound when it is caught,
 * e.g. from a getter that recurses forever), is the event's failure: counted and logged, or thrown
 * as a {@code YoushuReportException} in {@code THROW} mode.
 */
final class ReportErrors {

    private ReportErrors() {
    }

    /** Rethrows a fatal error; returns for any other failure. */
    static void rethrowIfFatal(Throwable failure) {
        if (failure instanceof VirtualMachineError fatal && !(failure instanceof StackOverflowError)) {
            throw fatal;
        }
    }

    /** {@code toString()} of the failure, or its class name when that throws too. */
    static String describe(Throwable failure) {
        try {
            return failure.toString();
        }
        catch (RuntimeException ex) {
            return failure.getClass().getName();
        }
    }
}
