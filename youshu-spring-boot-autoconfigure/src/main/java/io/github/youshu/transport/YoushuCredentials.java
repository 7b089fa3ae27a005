package io.github.youshu.transport;

/**
 * The {@code app_id} and {@code app_secret} Youshu issues for one environment.
 * <p>
 * The secret is a signing key: it is readable only inside this package (by {@link RequestSigner}),
 * {@link #toString()} masks it, and no message built here contains it.
 */
public final class YoushuCredentials {

    private final String appId;
    private final String appSecret;

    private YoushuCredentials(String appId, String appSecret) {
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /**
     * @param appId     the Youshu {@code app_id} (usually starts with {@code bi}; not the WeChat {@code wx...} appid)
     * @param appSecret the Youshu {@code app_secret}
     * @throws IllegalArgumentException when either is missing or blank, or has leading or trailing whitespace;
     *                                  the message never contains the secret
     */
    public static YoushuCredentials of(String appId, String appSecret) {
        if (appId == null || appId.isBlank()) {
            throw new IllegalArgumentException("Youshu app_id is missing: set youshu.app-id");
        }
        if (appSecret == null || appSecret.isBlank()) {
            throw new IllegalArgumentException("Youshu app_secret is missing: set youshu.app-secret");
        }
        if (!appId.equals(appId.strip())) {
            throw new IllegalArgumentException("Youshu app_id '" + appId.strip()
                    + "' has leading or trailing whitespace: check youshu.app-id");
        }
        if (!appSecret.equals(appSecret.strip())) {
            throw new IllegalArgumentException("Youshu app_secret has leading or trailing whitespace (a space, or the newline "
                    + "a Kubernetes Secret or other mounted file ends with): trim the value of youshu.app-secret");
        }
        return new YoushuCredentials(appId, appSecret);
    }

    /** The Youshu {@code app_id}; not a secret. */
    public String appId() {
        return appId;
    }

    /** The signing key; package-private so that only the signer reads it. */
    String appSecret() {
        return appSecret;
    }

    /** Names the app id and masks the secret. */
    @Override
    public String toString() {
        return "YoushuCredentials[appId=" + appId + ", appSecret=****]";
    }
}
