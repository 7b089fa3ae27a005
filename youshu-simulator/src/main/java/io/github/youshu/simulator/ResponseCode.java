package io.github.youshu.simulator;

/**
 * The {@code code} values the simulator answers in its {@code {"code": ..., "msg": ...}} body. Every answer
 * to a report request that reaches validation is HTTP 200; a non-zero code is a client error, as on Youshu.
 */
public enum ResponseCode {

    /** Every event of the request was accepted. */
    OK(0),
    /** The request itself is malformed: wrong Content-Type, not JSON, no event in the body. */
    BAD_REQUEST(40000),
    /** {@code sign} is not {@code sha256}, or {@code signature} is missing or does not match. */
    BAD_SIGNATURE(40001),
    /** {@code app_id} is missing or not the simulator's. */
    UNKNOWN_APP_ID(40002),
    /** {@code timestamp} is missing, not Unix seconds, or outside the allowed clock skew. */
    BAD_TIMESTAMP(40003),
    /** {@code nonce} is missing, longer than 32 characters, or was used before. */
    BAD_NONCE(40004),
    /** At least one event breaks a validation rule of the wire contract; the whole request is refused. */
    INVALID_EVENT(40010),
    /** Refused on purpose by {@link YoushuSimulator#rejectNext(int)}. */
    SIMULATED_REJECTION(40099);

    private final int code;

    ResponseCode(int code) {
        this.code = code;
    }

    /** The numeric value sent in the {@code code} field. */
    public int code() {
        return code;
    }
}
