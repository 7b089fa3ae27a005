package io.github.youshu.transport;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Builds the authenticating query string of one report request, with a fresh {@code timestamp}
 * and {@code nonce} every time it is called (so every retry is signed afresh).
 * <p>
 * The signature is the lowercase hex HMAC-SHA256, keyed with the {@code app_secret}, of the UTF-8
 * string {@code app_id=<app_id>&nonce=<nonce>&sign=sha256&timestamp=<seconds>} (keys in this order,
 * values not url-encoded). The {@code timestamp} is Unix time in seconds from the given clock; the
 * {@code nonce} is 32 hex characters from a {@link SecureRandom}. Thread-safe.
 */
public final class RequestSigner {

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final int NONCE_BYTES = 16;

    private final String appId;
    private final SecretKeySpec key;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param credentials the app id and the signing key
     * @param clock       the source of {@code timestamp}
     */
    public RequestSigner(YoushuCredentials credentials, Clock clock) {
        this.appId = credentials.appId();
        this.key = new SecretKeySpec(credentials.appSecret().getBytes(StandardCharsets.UTF_8), HMAC_SHA256);
        this.clock = Objects.requireNonNull(clock, "clock");
        newMac(); // fail at construction, not on the first request, if HMAC-SHA256 is unavailable
    }

    /**
     * The query string (without {@code ?}) for one request to the endpoint: {@code app_id, nonce,
     * sign=sha256, timestamp, signature} for a signed endpoint, {@code app_id, timestamp, nonce}
     * otherwise. A new nonce and the current time on every call.
     */
    public String newQuery(ReportEndpoint endpoint) {
        String nonce = newNonce();
        long timestamp = clock.instant().getEpochSecond();
        String encodedAppId = URLEncoder.encode(appId, StandardCharsets.UTF_8);
        if (!endpoint.signed()) {
            return "app_id=" + encodedAppId + "&timestamp=" + timestamp + "&nonce=" + nonce;
        }
        return "app_id=" + encodedAppId + "&nonce=" + nonce + "&sign=sha256&timestamp=" + timestamp
                + "&signature=" + signature(nonce, timestamp);
    }

    /**
     * The lowercase hex HMAC-SHA256 signature for this app id, the given nonce and timestamp.
     *
     * @param nonce            the request's nonce, as sent
     * @param timestampSeconds the request's Unix time in seconds, as sent
     */
    public String signature(String nonce, long timestampSeconds) {
        String stringToSign = "app_id=" + appId + "&nonce=" + nonce + "&sign=sha256&timestamp=" + timestampSeconds;
        return HexFormat.of().formatHex(newMac().doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    private String newNonce() {
        byte[] bytes = new byte[NONCE_BYTES];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // The message names the algorithm only; the key is never part of it.
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
        }
    }

    /** Names the app id; never the key. */
    @Override
    public String toString() {
        return "RequestSigner[appId=" + appId + "]";
    }
}
