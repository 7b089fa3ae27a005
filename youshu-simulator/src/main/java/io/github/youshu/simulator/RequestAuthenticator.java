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

    /**
     * The outcome; {@code code} is {@link ResponseCode#OK} when the request may be processed. {@code appId} is the
     * app id that arrived (or {@code null}); {@code signature} is {@link SignatureCheck#NOT_CHECKED} when that app
     * id is missing or unknown, so a refused app id is never reported as a bad signature.
     */
    record Result(ResponseCode code, String message, String appId, SignatureCheck signature) {
        boolean ok() {
            return code == ResponseCode.OK;
        }

        boolean signatureOk() {
            return signature == SignatureCheck.VALID;
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
        boolean knownAppId = appId.equals(requestAppId);
        SignatureCheck signature = !signed ? SignatureCheck.UNSIGNED
                : !knownAppId ? SignatureCheck.NOT_CHECKED
                : signatureMatches(query, requestAppId, nonce, timestamp) ? SignatureCheck.VALID
                : SignatureCheck.INVALID;

        if (isBlank(requestAppId)) {
            return new Result(ResponseCode.UNKNOWN_APP_ID, "app_id is required", requestAppId, signature);
        }
        if (!knownAppId) {
            return new Result(ResponseCode.UNKNOWN_APP_ID, "unknown app_id '" + requestAppId + "'", requestAppId,
                    signature);
        }
        String problem = signed ? signatureProblem(query, signature) : null;
        if (problem != null) {
            return new Result(ResponseCode.BAD_SIGNATURE, problem, requestAppId, signature);
        }
        String timestampProblem = timestampProblem(timestamp);
        if (timestampProblem != null) {
            return new Result(ResponseCode.BAD_TIMESTAMP, timestampProblem, requestAppId, signature);
        }
        String nonceProblem = nonceProblem(nonce);
        if (nonceProblem != null) {
            return new Result(ResponseCode.BAD_NONCE, nonceProblem, requestAppId, signature);
        }
        return new Result(ResponseCode.OK, "ok", requestAppId, signature);
    }

    private static String signatureProblem(Map<String, String> query, SignatureCheck signature) {
        if (!"sha256".equals(query.get("sign"))) {
            return "sign must be 'sha256'";
        }
        if (isBlank(query.get("signature"))) {
            return "signature is required";
        }
        if (signature != SignatureCheck.VALID) {
            return "signature does not match (expected lowercase hex"
                    + " HMAC-SHA256 of app_id=..&nonce=..&sign=sha256&timestamp=.. keyed with app_secret)";
        }
        return null;
    }

    private String nonceProblem(String nonce) {
        if (isBlank(nonce)) {
            return "nonce is required";
        }
        if (nonce.length() > MAX_NONCE_LENGTH) {
            return "nonce must be at most " + MAX_NONCE_LENGTH + " characters (got " + nonce.length() + ")";
        }
        if (!nonces.register(nonce, clock.instant())) {
            return "nonce '" + nonce + "' was already used";
        }
        return null;
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
