package io.github.youshu.event;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A custom channel ({@code props.chan.chan_custom}) in up to four levels: level 4
 * ({@code chan_custom_id}) is the finest; levels 3, 2 and 1 ({@code chan_custom_cat_N}) classify
 * the level below. When any field is set, level 4 with its description is required; each level
 * needs its description and every level below it.
 *
 * @param chanCustomId        {@code chan_custom_id}: level 4 id, e.g. {@code mp-article-12375}
 * @param chanCustomIdDesc    {@code chan_custom_id_desc}: level 4 description
 * @param chanCustomCat3      {@code chan_custom_cat_3}: level 3 id, e.g. {@code mp-article}
 * @param chanCustomCat3Desc  {@code chan_custom_cat_3_desc}: level 3 description
 * @param chanCustomCat2      {@code chan_custom_cat_2}: level 2 id, e.g. {@code media}
 * @param chanCustomCat2Desc  {@code chan_custom_cat_2_desc}: level 2 description
 * @param chanCustomCat1      {@code chan_custom_cat_1}: level 1 id, e.g. {@code wechat}
 * @param chanCustomCat1Desc  {@code chan_custom_cat_1_desc}: level 1 description
 */
public record ChanCustom(
        String chanCustomId,
        String chanCustomIdDesc,
        @JsonProperty("chan_custom_cat_3") String chanCustomCat3,
        @JsonProperty("chan_custom_cat_3_desc") String chanCustomCat3Desc,
        @JsonProperty("chan_custom_cat_2") String chanCustomCat2,
        @JsonProperty("chan_custom_cat_2_desc") String chanCustomCat2Desc,
        @JsonProperty("chan_custom_cat_1") String chanCustomCat1,
        @JsonProperty("chan_custom_cat_1_desc") String chanCustomCat1Desc) {

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ChanCustom} level by level. */
    public static final class Builder {
        private String chanCustomId;
        private String chanCustomIdDesc;
        private String chanCustomCat3;
        private String chanCustomCat3Desc;
        private String chanCustomCat2;
        private String chanCustomCat2Desc;
        private String chanCustomCat1;
        private String chanCustomCat1Desc;

        private Builder() {
        }

        /** Level 4: {@code chan_custom_id} and {@code chan_custom_id_desc}. */
        public Builder id(String id, String desc) {
            this.chanCustomId = id;
            this.chanCustomIdDesc = desc;
            return this;
        }

        /** Level 3: {@code chan_custom_cat_3} and {@code chan_custom_cat_3_desc}. */
        public Builder cat3(String id, String desc) {
            this.chanCustomCat3 = id;
            this.chanCustomCat3Desc = desc;
            return this;
        }

        /** Level 2: {@code chan_custom_cat_2} and {@code chan_custom_cat_2_desc}. */
        public Builder cat2(String id, String desc) {
            this.chanCustomCat2 = id;
            this.chanCustomCat2Desc = desc;
            return this;
        }

        /** Level 1: {@code chan_custom_cat_1} and {@code chan_custom_cat_1_desc}. */
        public Builder cat1(String id, String desc) {
            this.chanCustomCat1 = id;
            this.chanCustomCat1Desc = desc;
            return this;
        }

        public ChanCustom build() {
            return new ChanCustom(chanCustomId, chanCustomIdDesc, chanCustomCat3, chanCustomCat3Desc,
                    chanCustomCat2, chanCustomCat2Desc, chanCustomCat1, chanCustomCat1Desc);
        }
    }
}
