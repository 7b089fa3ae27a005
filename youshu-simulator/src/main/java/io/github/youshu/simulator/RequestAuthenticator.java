package io.github.youshu.simulator;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * Checks the query parameters of a report request the way Youshu does: {@code app_id}, then (safe-report only)
 * {@code sign} and {@code signature}, then {@code timestamp} against the clock, then {@code nonce}. A nonce is
 * remembered only once everything else passed.
 */
final class RequestAuthenticator {

    static final int MAX_NONCE_LENGTH = 32;

    /** The outcome; {@code code} is {@link ResponseCode#OK} when the request may be processed. */
    record Result(ResponseCode code, String message, boolean signatureOk) {
        boolean ok() {
            return code == ResponseCode.OK;
        }
    }

    private final String appId;
    private final String appSecret;
    private final Clock clock;
    private final Duration tolerance;
    private final NonceRegistry nonces;

    RequestAuthenticator(String appId, String appSecret, Clock clock, Duration tolerance, NonceRegistry nonces) {
        this.appId = appId;
        this.appSecret = appSecret;
        this.clock = clock;
        this.tolerance = tolerance;
        this.nonces = nonces;
    }

    Result authenticate(Map<String, String> query, boolean signed) {
        String requestAppId = query.get("app_id");
        String timestamp = query.get("timestamp");
        String nonce = query.get("nonce");
        boolean signatureOk = signed && signatureMatches(query, requestAppId, nonce, timestamp);

        if (isBlank(requestAppId)) {
            return new Result(ResponseCode.UNKNOWN_APP_ID, "app_id is required", signatureOk);
        }
        if (!appId.equals(requestAppId)) {
            return new Result(ResponseCode.UNKNOWN_APP_ID, "unknown app_id '" + requestAppId + "'", signatureOk);
        }
        if (signed) {
            if (!"sha256".equals(query.get("sign"))) {
                return new Result(ResponseCode.BAD_SIGNATURE, "sign must be 'sha256'", false);
            }
            if (isBlank(query.get("signature"))) {
                return new Result(ResponseCode.BAD_SIGNATURE, "signature is required", false);
            }
            if (!signatureOk) {
                return new Result(ResponseCode.BAD_SIGNATURE, "signature does not match (expected lowercase hex"
                        + " HMAC-SHA256 of app_id=..&nonce=..&sign=sha256&timestamp=.. keyed with app_secret)", false);
            }
        }
        String timestampProblem = timestampProblem(timestamp);
        if (timestampProblem != null) {
            return new Result(ResponseCode.BAD_TIMESTAMP, timestampProblem, signatureOk);
        }
        if (isBlank(nonce)) {
            return new Result(ResponseCode.BAD_NONCE, "nonce is required", signatureOk);
        }
        if (nonce.length() > MAX_NONCE_LENGTH) {
            return new Result(ResponseCode.BAD_NONCE,
                    "nonce must be at most " + MAX_NONCE_LENGTH + " characters (got " + nonce.length() + ")",
                    signatureOk);
        }
        if (!nonces.register(nonce, clock.instant())) {
            return new Result(ResponseCode.BAD_NONCE, "nonce '" + nonce + "' was already used", signatureOk);
        }
        return new Result(ResponseCode.OK, "ok", signatureOk);
    }

    /** True only for this simulator's app id, {@code sign=sha256} and the signature its secret gives. */
    private boolean signatureMatches(Map<String, String> query, String requestAppId, String nonce, String timestamp) {
        String signature = query.get("signature");
        if (!appId.equals(requestAppId) || nonce == null || timestamp == null || signature == null
                || !"sha256".equals(query.get("sign"))) {
            return false;
        }
        return RequestSignature.matches(RequestSignature.sign(appSecret, requestAppId, nonce, timestamp), signature);
    }

    private String timestampProblem(String timestamp) {
        if (isBlank(timestamp)) {
            return "timestamp is required";
        }
        if (!timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "timestamp must be Unix seconds (got '" + timestamp + "')";
        }
        if (timestamp.length() >= 13) {
            return "timestamp must be Unix seconds, not milliseconds (got " + timestamp + ")";
        }
        long skew = Long.parseLong(timestamp) - clock.instant().getEpochSecond();
        if (Math.abs(skew) > tolerance.toSeconds()) {
            return "timestamp " + timestamp + " is " + skew + " s off the server clock (allowed ±"
                    + tolerance.toSeconds() + " s)";
        }
        return null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
