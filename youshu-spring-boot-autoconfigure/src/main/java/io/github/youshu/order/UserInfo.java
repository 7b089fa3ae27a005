package io.github.youshu.order;

import java.time.temporal.Temporal;

/**
 * The buyer of an order, {@code user_info} (data-api.md §4). The phone is kept only as its SHA-256:
 * give the builder the plain number ({@link Builder#userPhone}). {@link #toString()} masks the ids.
 *
 * @param openId             {@code open_id}: the buyer's openid in the mini program; required when
 *                           {@code order_source} is {@code wxapp}
 * @param appId              {@code app_id}: the mini program's {@code wx…} appid; optional
 * @param unionId            {@code union_id}; optional
 * @param userId             {@code user_id}: the merchant's user id; optional
 * @param memberId           {@code member_id}; optional
 * @param cardLevel          {@code card_level}: the membership level; optional
 * @param userFirstOrderTime {@code user_first_order_time}: when the buyer first ordered; optional
 * @param sha256UserPhone    {@code sha256_user_phone}: 64 lowercase hex digits; optional
 */
public record UserInfo(String openId, String appId, String unionId, String userId, String memberId, String cardLevel,
                       DataApiTime userFirstOrderTime, String sha256UserPhone) {

    /** @throws IllegalArgumentException when {@code sha256UserPhone} is not 64 lowercase hex digits */
    public UserInfo {
        PhoneNumberHash.requireSha256Hex(sha256UserPhone, "sha256_user_phone");
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this user's values. */
    public Builder toBuilder() {
        Builder builder = new Builder().openId(openId).appId(appId).unionId(unionId).userId(userId).memberId(memberId)
                .cardLevel(cardLevel).sha256UserPhone(sha256UserPhone);
        builder.userFirstOrderTime = userFirstOrderTime;
        return builder;
    }

    /** The values, with {@code open_id}, {@code union_id} and {@code user_id} masked (e.g. {@code oOP***}). */
    @Override
    public String toString() {
        return "UserInfo[openId=" + UserIds.masked(openId) + ", appId=" + appId + ", unionId=" + UserIds.masked(unionId)
                + ", userId=" + UserIds.masked(userId) + ", memberId=" + memberId + ", cardLevel=" + cardLevel
                + ", userFirstOrderTime=" + userFirstOrderTime + ", sha256UserPhone=" + sha256UserPhone + "]";
    }

    /** Builds a {@link UserInfo}. */
    public static final class Builder {
        private String openId;
        private String appId;
        private String unionId;
        private String userId;
        private String memberId;
        private String cardLevel;
        private DataApiTime userFirstOrderTime;
        private String sha256UserPhone;

        private Builder() {
        }

        /** {@code open_id}. */
        public Builder openId(String openId) {
            this.openId = openId;
            return this;
        }

        /** {@code app_id}: the mini program's {@code wx…} appid. */
        public Builder appId(String appId) {
            this.appId = appId;
            return this;
        }

        /** {@code union_id}. */
        public Builder unionId(String unionId) {
            this.unionId = unionId;
            return this;
        }

        /** {@code user_id}. */
        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        /** {@code member_id}. */
        public Builder memberId(String memberId) {
            this.memberId = memberId;
            return this;
        }

        /** {@code card_level}. */
        public Builder cardLevel(String cardLevel) {
            this.cardLevel = cardLevel;
            return this;
        }

        /** {@code user_first_order_time} in epoch milliseconds. */
        public Builder userFirstOrderTime(long epochMillis) {
            this.userFirstOrderTime = DataApiTime.ofEpochMilli(epochMillis);
            return this;
        }

        /** {@code user_first_order_time}: see {@link DataApiTime#of(Temporal)}. */
        public Builder userFirstOrderTime(Temporal time) {
            this.userFirstOrderTime = DataApiTime.ofNullable(time);
            return this;
        }

        /**
         * The buyer's plain phone number, kept only as its SHA-256 ({@code sha256_user_phone}); {@code null} or blank leaves it out.
         *
         * @throws IllegalArgumentException see {@link PhoneNumberHash#sha256}
         */
        public Builder userPhone(String phoneNumber) {
            this.sha256UserPhone = PhoneNumberHash.sha256OrNull(phoneNumber);
            return this;
        }

        /** {@code sha256_user_phone} hashed already: 64 lowercase hex digits. */
        public Builder sha256UserPhone(String sha256) {
            this.sha256UserPhone = PhoneNumberHash.requireSha256Hex(sha256, "sha256_user_phone");
            return this;
        }

        /** The {@link UserInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public UserInfo build() {
            return new UserInfo(openId, appId, unionId, userId, memberId, cardLevel, userFirstOrderTime, sha256UserPhone);
        }
    }
}
