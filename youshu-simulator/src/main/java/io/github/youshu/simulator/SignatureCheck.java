package io.github.youshu.simulator;

/**
 * What the simulator found out about a request's HMAC-SHA256 {@code signature}. Only a request whose
 * {@code app_id} is the simulator's can be checked: an unknown app id is refused for that reason, and its
 * signature is {@link #NOT_CHECKED}, never {@link #INVALID}.
 */
public enum SignatureCheck {

    /** {@code sign=sha256} and the signature the app secret gives. */
    VALID,
    /** The app id is known but {@code sign} is not {@code sha256}, or the signature is missing or wrong. */
    INVALID,
    /** Not checked: the app id is missing or unknown, or an injected fault answered before authentication. */
    NOT_CHECKED,
    /** The unsigned endpoint {@code POST /api/report}, which carries no signature. */
    UNSIGNED
}
