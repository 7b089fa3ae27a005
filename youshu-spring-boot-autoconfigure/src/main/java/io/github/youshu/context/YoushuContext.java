package io.github.youshu.context;

import java.util.Objects;

/**
 * What is known about the user, page and channel of the current call: the values a
 * {@link YoushuContextResolver} contributes to an event. Every field is optional here; a blank string
 * counts as absent. Youshu requires {@code page}, {@code chan.chan_wxapp_scene} and
 * {@code wx_user.open_id} on every event (wire contract, validation rules): an event that gets none
 * from its annotation, the resolvers or {@code youshu.defaults.*} is invalid and dropped.
 *
 * <pre>{@code
 * YoushuContext context = YoushuContext.builder().openId(user.openId()).userId(user.id()).build();
 * }</pre>
 */
public final class YoushuContext {

    /** A context that knows nothing. */
    public static final YoushuContext EMPTY = new Builder().build();

    private final String openId;
    private final String unionId;
    private final String userId;
    private final String page;
    private final String pageTitle;
    private final Integer scene;
    private final String chanId;
    private final String shopId;
    private final String shopName;
    private final String trackingId;

    private YoushuContext(Builder builder) {
        this.openId = present(builder.openId);
        this.unionId = present(builder.unionId);
        this.userId = present(builder.userId);
        this.page = present(builder.page);
        this.pageTitle = present(builder.pageTitle);
        this.scene = builder.scene;
        this.chanId = present(builder.chanId);
        this.shopId = present(builder.shopId);
        this.shopName = present(builder.shopName);
        this.trackingId = present(builder.trackingId);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code wx_user.open_id}: the user's openid under the mini-program. */
    public String openId() {
        return openId;
    }

    /** {@code wx_user.union_id}: the user's unionid on the WeChat open platform. */
    public String unionId() {
        return unionId;
    }

    /** {@code wx_user.user_id}: the merchant's own user id. */
    public String userId() {
        return userId;
    }

    /** {@code page}: the mini-program page path, without a leading {@code /}. */
    public String page() {
        return page;
    }

    /** {@code page_title}. */
    public String pageTitle() {
        return pageTitle;
    }

    /** {@code chan.chan_wxapp_scene}: the mini-program scene value. */
    public Integer scene() {
        return scene;
    }

    /** {@code chan.chan_id}: the traffic channel's id. */
    public String chanId() {
        return chanId;
    }

    /** {@code chan.chan_shop_id}: the WeChat store id. */
    public String shopId() {
        return shopId;
    }

    /** {@code chan.chan_shop_name}: the store's name. */
    public String shopName() {
        return shopName;
    }

    /** {@code tracking_id}: the session id. */
    public String trackingId() {
        return trackingId;
    }

    /** Whether every field has a value (no other context can add anything). */
    public boolean isComplete() {
        return openId != null && unionId != null && userId != null && page != null && pageTitle != null
                && scene != null && chanId != null && shopId != null && shopName != null && trackingId != null;
    }

    /**
     * This context with every absent field taken from {@code fallback}.
     *
     * @param fallback the values to use where this context has none; {@code null} for none
     */
    public YoushuContext orElse(YoushuContext fallback) {
        if (fallback == null || fallback == EMPTY || isComplete()) {
            return this;
        }
        if (this == EMPTY) {
            return fallback;
        }
        Builder merged = new Builder();
        merged.openId = openId != null ? openId : fallback.openId;
        merged.unionId = unionId != null ? unionId : fallback.unionId;
        merged.userId = userId != null ? userId : fallback.userId;
        merged.page = page != null ? page : fallback.page;
        merged.pageTitle = pageTitle != null ? pageTitle : fallback.pageTitle;
        merged.scene = scene != null ? scene : fallback.scene;
        merged.chanId = chanId != null ? chanId : fallback.chanId;
        merged.shopId = shopId != null ? shopId : fallback.shopId;
        merged.shopName = shopName != null ? shopName : fallback.shopName;
        merged.trackingId = trackingId != null ? trackingId : fallback.trackingId;
        return merged.build();
    }

    private static String present(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof YoushuContext that
                && Objects.equals(openId, that.openId) && Objects.equals(unionId, that.unionId)
                && Objects.equals(userId, that.userId) && Objects.equals(page, that.page)
                && Objects.equals(pageTitle, that.pageTitle) && Objects.equals(scene, that.scene)
                && Objects.equals(chanId, that.chanId) && Objects.equals(shopId, that.shopId)
                && Objects.equals(shopName, that.shopName) && Objects.equals(trackingId, that.trackingId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(openId, unionId, userId, page, pageTitle, scene, chanId, shopId, shopName, trackingId);
    }

    @Override
    public String toString() {
        return "YoushuContext[openId=" + openId + ", unionId=" + unionId + ", userId=" + userId + ", page=" + page
                + ", pageTitle=" + pageTitle + ", scene=" + scene + ", chanId=" + chanId + ", shopId=" + shopId
                + ", shopName=" + shopName + ", trackingId=" + trackingId + "]";
    }

    /** Builds a {@link YoushuContext}; unset fields stay absent. */
    public static final class Builder {
        private String openId;
        private String unionId;
        private String userId;
        private String page;
        private String pageTitle;
        private Integer scene;
        private String chanId;
        private String shopId;
        private String shopName;
        private String trackingId;

        private Builder() {
        }

        public Builder openId(String openId) {
            this.openId = openId;
            return this;
        }

        public Builder unionId(String unionId) {
            this.unionId = unionId;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
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

        public Builder scene(Integer scene) {
            this.scene = scene;
            return this;
        }

        public Builder chanId(String chanId) {
            this.chanId = chanId;
            return this;
        }

        public Builder shopId(String shopId) {
            this.shopId = shopId;
            return this;
        }

        public Builder shopName(String shopName) {
            this.shopName = shopName;
            return this;
        }

        public Builder trackingId(String trackingId) {
            this.trackingId = trackingId;
            return this;
        }

        public YoushuContext build() {
            return new YoushuContext(this);
        }
    }
}
