package io.github.youshu.expression;

import io.github.youshu.FailureMode;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The settings of {@link DefaultYoushuReporter} and the annotations.
 *
 * @param failureMode what to do with an event that cannot be reported ({@code youshu.failure-mode}, default {@code LOG})
 * @param zone        the zone of {@code LocalDateTime} values ({@code youshu.zone}, default the JVM's)
 * @param from        the envelope's {@code from}, the data source name ({@code youshu.from}, default the application name)
 * @param wxAppId     the mini-program appid, {@code wx_user.app_id} ({@code youshu.wx-app-id})
 * @param defaults    the values of the common props that neither the event nor a context resolver gives ({@code youshu.defaults.*})
 */
public record ReportingSettings(FailureMode failureMode, ZoneId zone, String from, String wxAppId, Defaults defaults) {

    /** @throws NullPointerException when {@code failureMode} or {@code zone} is missing */
    public ReportingSettings {
        Objects.requireNonNull(failureMode, "failureMode");
        Objects.requireNonNull(zone, "zone");
        defaults = defaults == null ? Defaults.NONE : defaults;
    }

    /**
     * The last-resort values of the common props ({@code youshu.defaults.*}); each may be {@code null}.
     *
     * @param page         {@code page}, without a leading {@code /} ({@code youshu.defaults.page})
     * @param pageTitle    {@code page_title} ({@code youshu.defaults.page-title})
     * @param scene        {@code chan.chan_wxapp_scene} ({@code youshu.defaults.scene})
     * @param chanId       {@code chan.chan_id} ({@code youshu.defaults.chan-id})
     * @param shopId       {@code chan.chan_shop_id} ({@code youshu.defaults.shop-id})
     * @param shopName     {@code chan.chan_shop_name} ({@code youshu.defaults.shop-name})
     * @param srSdkVersion {@code sr_sdk_version} ({@code youshu.defaults.sr-sdk-version})
     */
    public record Defaults(String page, String pageTitle, Integer scene, String chanId, String shopId,
                           String shopName, String srSdkVersion) {

        /** No defaults. */
        public static final Defaults NONE = new Defaults(null, null, null, null, null, null, null);
    }
}
