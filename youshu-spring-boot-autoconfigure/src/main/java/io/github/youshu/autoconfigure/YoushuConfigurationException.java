package io.github.youshu.autoconfigure;

/**
 * The Youshu configuration cannot work: startup stops with a report that names the property and
 * shows the yml to fix it (see {@link YoushuConfigurationFailureAnalyzer}).
 */
public class YoushuConfigurationException extends RuntimeException {

    private final String action;

    /**
     * @param description what is wrong, naming the property (never its secret value)
     * @param action      what to do about it, e.g. the yml to add
     */
    public YoushuConfigurationException(String description, String action) {
        super(description);
        this.action = action;
    }

    public YoushuConfigurationException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
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
