package io.github.youshu.event;

import java.time.Instant;

/**
 * The props every event type carries beside its own ({@code page}, {@code time}, {@code wx_user},
 * {@code chan}, ...). On the wire they sit directly in {@code props}, next to the type's fields.
 * The reporter fills what an event leaves out (the mini-program appid, the scene, the time, ...)
 * with {@link #withDefaults}.
 *
 * @param page         {@code page}: the mini-program page path, without a leading {@code /}, may
 *                     carry a query, e.g. {@code pages/product?sku_id=AOdjf7u}; required
 * @param pageTitle    {@code page_title}; optional
 * @param srSdkVersion {@code sr_sdk_version}: the Youshu SDK version; optional
 * @param time         {@code time}: when the action happened, epoch milliseconds (13 digits); required
 * @param wxUser       {@code wx_user}: the user; required
 * @param chan         {@code chan}: the channel; required
 * @param component    {@code component}: the page block; optional
 */
public record CommonProps(String page, String pageTitle, String srSdkVersion, Long time, WxUser wxUser,
                          Chan chan, Component component) {

    /** No common props at all: everything is left to the defaults. */
    public static final CommonProps EMPTY = new CommonProps(null, null, null, null, null, null, null);

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these values. */
    public Builder toBuilder() {
        return new Builder().page(page).pageTitle(pageTitle).srSdkVersion(srSdkVersion).time(time)
                .wxUser(wxUser).chan(chan).component(component);
    }

    /**
     * These props with every absent value ({@code null} or a blank string) taken from
     * {@code defaults}. {@code wx_user}, {@code chan} and {@code component} are merged field by
     * field (see {@link WxUser#withDefaults}, {@link Chan#withDefaults}).
     *
     * @param defaults the fallback values; {@code null} for none
     * @return the merged props ({@code this} when {@code defaults} is {@code null} or empty)
     */
    public CommonProps withDefaults(CommonProps defaults) {
        if (defaults == null || defaults == EMPTY) {
            return this;
        }
        return new CommonProps(
                ModelSupport.orDefault(page, defaults.page),
                ModelSupport.orDefault(pageTitle, defaults.pageTitle),
                ModelSupport.orDefault(srSdkVersion, defaults.srSdkVersion),
                ModelSupport.orDefault(time, defaults.time),
                wxUser == null ? defaults.wxUser : wxUser.withDefaults(defaults.wxUser),
                chan == null ? defaults.chan : chan.withDefaults(defaults.chan),
                component == null ? defaults.component : component.withDefaults(defaults.component));
    }

    /** Builds {@link CommonProps}. */
    public static final class Builder {
        private String page;
        private String pageTitle;
        private String srSdkVersion;
        private Long time;
        private WxUser wxUser;
        private Chan chan;
        private Component component;

        private Builder() {
        }

        /** The page path, without a leading {@code /}. */
        public Builder page(String page) {
            this.page = page;
            return this;
        }

        public Builder pageTitle(String pageTitle) {
            this.pageTitle = pageTitle;
            return this;
        }

        public Builder srSdkVersion(String srSdkVersion) {
            this.srSdkVersion = srSdkVersion;
            return this;
        }

        /** When the action happened. */
        public Builder time(Instant time) {
            this.time = ModelSupport.epochMillis(time);
            return this;
        }

        /** When the action happened, in epoch milliseconds. */
        public Builder time(Long epochMillis) {
            this.time = epochMillis;
            return this;
        }

        public Builder wxUser(WxUser wxUser) {
            this.wxUser = wxUser;
            return this;
        }

        /** The user with just its two required fields. */
        public Builder wxUser(String appId, String openId) {
            return wxUser(WxUser.of(appId, openId));
        }

        public Builder chan(Chan chan) {
            this.chan = chan;
            return this;
        }

        /** Sets the channel to one with just the scene value ({@link Chan#ofScene}). */
        public Builder scene(int chanWxappScene) {
            return chan(Chan.ofScene(chanWxappScene));
        }

        public Builder component(Component component) {
            this.component = component;
            return this;
        }

        public CommonProps build() {
            return new CommonProps(page, pageTitle, srSdkVersion, time, wxUser, chan, component);
        }
    }
}
