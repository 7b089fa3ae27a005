package io.github.youshu.autoconfigure;

/**
 * The Youshu configuration cannot work: startup stops with a report that names the property and
 * shows the yml to fix it (see {@link YoushuConfigurationFailureAnalyzer}).
 */
public class YoushuConfigurationException extends RuntimeException {

    private final String action;

    private final boolean invalidSetting;

    /**
     * @param description what is wrong, naming the property (never its secret value)
     * @param action      what to do about it, e.g. the yml to add
     */
    public YoushuConfigurationException(String description, String action) {
        this(description, action, null, false);
    }

    public YoushuConfigurationException(String description, String action, Throwable cause) {
        this(description, action, cause, false);
    }

    private YoushuConfigurationException(String description, String action, Throwable cause, boolean invalidSetting) {
        super(description, cause);
        this.action = action;
        this.invalidSetting = invalidSetting;
    }

    /**
     * A {@code youshu.*} value that cannot work: the startup report adds the default of each
     * property the description names.
     *
     * @param description what is wrong, naming the property and the value (never a secret)
     * @param cause       the settings' own exception, or {@code null}
     */
    public static YoushuConfigurationException invalidSetting(String description, String action, Throwable cause) {
        return new YoushuConfigurationException(description, action, cause, true);
    }

    /** Whether the description names settings whose defaults the report should give. */
    public boolean isInvalidSetting() {
        return invalidSetting;
    }

    /** What to do about it. */
    public String getAction() {
        return action;
    }

    static YoushuConfigurationException missingCredentials(boolean appIdMissing, boolean appSecretMissing) {
        String missing = appIdMissing && appSecretMissing ? "youshu.app-id and youshu.app-secret are"
                : appIdMissing ? "youshu.app-id is" : "youshu.app-secret is";
        return new YoushuConfigurationException(
                "Youshu reporting is enabled but " + missing + " not set.",
                """
                Add the credentials Youshu issued for your data source to application.yml \
                (keep the secret out of source control, e.g. in an environment variable):

                    youshu:
                      app-id: ${YOUSHU_APP_ID}        # issued by Youshu, usually starts with "bi"
                      app-secret: ${YOUSHU_APP_SECRET}
                      wx-app-id: wx0123456789abcdef   # your mini-program's appid

                or switch reporting off with youshu.enabled=false.""");
    }
}
