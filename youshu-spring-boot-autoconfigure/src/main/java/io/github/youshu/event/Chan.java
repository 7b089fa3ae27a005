package io.github.youshu.event;

/**
 * The channel the user came through ({@code props.chan}).
 *
 * @param chanWxappScene  {@code chan_wxapp_scene}: the mini-program scene value, e.g. {@code 1037}; required
 * @param chanId          {@code chan_id}: the traffic channel's id; optional
 * @param chanReferAppId  {@code chan_refer_app_id}: appid of the referring mini-program or official account; optional
 * @param chanShopId      {@code chan_shop_id}: the WeChat store id; optional
 * @param chanShopName    {@code chan_shop_name}: the store's name; required when {@code chan_shop_id} is set
 * @param chanCustom      {@code chan_custom}: a custom channel; optional
 */
public record Chan(Integer chanWxappScene, String chanId, String chanReferAppId, String chanShopId,
                   String chanShopName, ChanCustom chanCustom) {

    /** A channel with just the scene value. */
    public static Chan ofScene(int chanWxappScene) {
        return new Chan(chanWxappScene, null, null, null, null, null);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this channel's values. */
    public Builder toBuilder() {
        return new Builder().chanWxappScene(chanWxappScene).chanId(chanId).chanReferAppId(chanReferAppId)
                .chanShopId(chanShopId).chanShopName(chanShopName).chanCustom(chanCustom);
    }

    /**
     * This channel with every absent field ({@code null} or blank) taken from {@code defaults};
     * {@code chan_custom} is taken whole, never mixed level by level.
     *
     * @param defaults the fallback values; {@code null} for none
     */
    public Chan withDefaults(Chan defaults) {
        if (defaults == null) {
            return this;
        }
        return new Chan(
                ModelSupport.orDefault(chanWxappScene, defaults.chanWxappScene),
                ModelSupport.orDefault(chanId, defaults.chanId),
                ModelSupport.orDefault(chanReferAppId, defaults.chanReferAppId),
                ModelSupport.orDefault(chanShopId, defaults.chanShopId),
                ModelSupport.orDefault(chanShopName, defaults.chanShopName),
                ModelSupport.orDefault(chanCustom, defaults.chanCustom));
    }

    /** Builds a {@link Chan}. */
    public static final class Builder {
        private Integer chanWxappScene;
        private String chanId;
        private String chanReferAppId;
        private String chanShopId;
        private String chanShopName;
        private ChanCustom chanCustom;

        private Builder() {
        }

        public Builder chanWxappScene(Integer chanWxappScene) {
            this.chanWxappScene = chanWxappScene;
            return this;
        }

        public Builder chanId(String chanId) {
            this.chanId = chanId;
            return this;
        }

        public Builder chanReferAppId(String chanReferAppId) {
            this.chanReferAppId = chanReferAppId;
            return this;
        }

        public Builder chanShopId(String chanShopId) {
            this.chanShopId = chanShopId;
            return this;
        }

        public Builder chanShopName(String chanShopName) {
            this.chanShopName = chanShopName;
            return this;
        }

        public Builder chanCustom(ChanCustom chanCustom) {
            this.chanCustom = chanCustom;
            return this;
        }

        public Chan build() {
            return new Chan(chanWxappScene, chanId, chanReferAppId, chanShopId, chanShopName, chanCustom);
        }
    }
}
