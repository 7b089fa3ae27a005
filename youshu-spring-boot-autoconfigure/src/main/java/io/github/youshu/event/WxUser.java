package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The user an event is about ({@code props.wx_user}).
 *
 * @param appId   {@code app_id}: the WeChat mini-program (or official account) appid, e.g.
 *                {@code wx9d4f5f22pa099f82} — not the Youshu {@code app_id}; required
 * @param openId  {@code open_id}: the user's openid under that appid; required
 * @param userId  {@code user_id}: the merchant's own user id; optional
 * @param unionId {@code union_id}: the user's unionid on the WeChat open platform; optional
 * @param localId {@code local_id}: the user's id in Youshu; optional
 * @param tags    {@code tag}: the user's personal tags; optional, unmodifiable
 */
public record WxUser(String appId, String openId, String userId, String unionId, String localId,
                     @JsonProperty("tag") List<WxUserTag> tags) {

    /** Copies {@code tags} into an unmodifiable list. */
    public WxUser {
        tags = ModelSupport.copyOrNull(tags, "wx_user.tag");
    }

    /** A user with just the two required fields. */
    public static WxUser of(String appId, String openId) {
        return new WxUser(appId, openId, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this user's values. */
    public Builder toBuilder() {
        return new Builder().appId(appId).openId(openId).userId(userId).unionId(unionId).localId(localId).tags(tags);
    }

    /**
     * This user with every absent field ({@code null} or blank) taken from {@code defaults}.
     *
     * @param defaults the fallback values; {@code null} for none
     */
    public WxUser withDefaults(WxUser defaults) {
        if (defaults == null) {
            return this;
        }
        return new WxUser(
                ModelSupport.orDefault(appId, defaults.appId),
                ModelSupport.orDefault(openId, defaults.openId),
                ModelSupport.orDefault(userId, defaults.userId),
                ModelSupport.orDefault(unionId, defaults.unionId),
                ModelSupport.orDefault(localId, defaults.localId),
                ModelSupport.orDefault(tags, defaults.tags));
    }

    /** Builds a {@link WxUser}. */
    public static final class Builder {
        private String appId;
        private String openId;
        private String userId;
        private String unionId;
        private String localId;
        private List<WxUserTag> tags;

        private Builder() {
        }

        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        public Builder openId(String openId) {
            this.openId = openId;
            return this;
        }

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder unionId(String unionId) {
            this.unionId = unionId;
            return this;
        }

        public Builder localId(String localId) {
            this.localId = localId;
            return this;
        }

        /** Adds a tag. */
        public Builder tag(String tagId, String tagName) {
            if (tags == null) {
                tags = new ArrayList<>();
            }
            tags.add(new WxUserTag(tagId, tagName));
            return this;
        }

        /** Replaces the tags ({@code null} for none). */
        public Builder tags(List<WxUserTag> tags) {
            this.tags = tags == null ? null : new ArrayList<>(tags);
            return this;
        }

        public WxUser build() {
            return new WxUser(appId, openId, userId, unionId, localId, tags);
        }
    }
}
