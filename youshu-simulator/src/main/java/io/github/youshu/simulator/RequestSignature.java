package io.github.youshu.simulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The safe-report signature: lowercase hex HMAC-SHA256 of the fixed query string, keyed with the app secret. */
final class RequestSignature {

    private RequestSignature() {
    }

    /** {@code app_id=..&nonce=..&sign=sha256&timestamp=..}, values not url-encoded. */
    static String stringToSign(String appId, String nonce, String timestamp) {
        return "app_id=" + appId + "&nonce=" + nonce + "&sign=sha256&timestamp=" + timestamp;
    }

    static String sign(String appSecret, String appId, String nonce, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(stringToSign(appId, nonce, timestamp).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Constant-time comparison of the expected and the received signature (exact, so lowercase only). */
    static boolean matches(String expected, String received) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                received.getBytes(StandardCharsets.UTF_8));
    }
}
