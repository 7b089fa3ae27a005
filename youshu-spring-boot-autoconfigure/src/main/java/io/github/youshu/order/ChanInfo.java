package io.github.youshu.order;

import io.github.youshu.event.ChanCustom;

/**
 * One channel of a goods line, {@code goods_info[].chan_info[]} (data-api.md §5). Every field is optional.
 *
 * @param chanWxapp      {@code chan_wxapp}: the mini-program scene
 * @param chanCustom     {@code chan_custom}: the four-level custom channel of {@code custom_order}, same
 *                       rules: when any field is set, level 4 with its description is required, and each
 *                       level needs its description and every level below it
 * @param chanReferAppId {@code chan_refer_app_id}: the appid of the referring mini program
 * @param chanId         {@code chan_id}
 */
public record ChanInfo(ChanWxapp chanWxapp, ChanCustom chanCustom, String chanReferAppId, String chanId) {

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChanInfo}; every field is optional. */
    public static final class Builder {
        private ChanWxapp chanWxapp;
        private ChanCustom chanCustom;
        private String chanReferAppId;
        private String chanId;

        private Builder() {
        }

        /** {@code chan_wxapp.chan_scene}: the mini-program scene, e.g. {@code "1089"}. */
        public Builder chanScene(String chanScene) {
            this.chanWxapp = ChanWxapp.of(chanScene);
            return this;
        }

        /** {@code chan_wxapp}. */
        public Builder chanWxapp(ChanWxapp chanWxapp) {
            this.chanWxapp = chanWxapp;
            return this;
        }

        /** {@code chan_custom}. */
        public Builder chanCustom(ChanCustom chanCustom) {
            this.chanCustom = chanCustom;
            return this;
        }

        /** {@code chan_refer_app_id}. */
        public Builder chanReferAppId(String chanReferAppId) {
            this.chanReferAppId = chanReferAppId;
            return this;
        }

        /** {@code chan_id}. */
        public Builder chanId(String chanId) {
            this.chanId = chanId;
            return this;
        }

        /** The {@link ChanInfo} of the values set; checks no rule (see {@code OrderValidator}). */
        public ChanInfo build() {
            return new ChanInfo(chanWxapp, chanCustom, chanReferAppId, chanId);
        }
    }
}
