package io.github.youshu.context;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class YoushuContextTest {

    @Test
    void takesEachAbsentFieldFromTheFallback() {
        YoushuContext first = YoushuContext.builder().openId("open-1").page("pages/a").build();
        YoushuContext second = YoushuContext.builder().openId("open-2").userId("user-2").scene(1001).build();

        assertThat(first.orElse(second)).isEqualTo(
                YoushuContext.builder().openId("open-1").page("pages/a").userId("user-2").scene(1001).build());
        assertThat(first.orElse(null)).isSameAs(first);
        assertThat(YoushuContext.EMPTY.orElse(second)).isSameAs(second);
    }

    @Test
    void isCompleteOnlyWithEveryField() {
        YoushuContext.Builder builder = YoushuContext.builder().openId("o").unionId("u").userId("id").page("p")
                .pageTitle("t").scene(1).chanId("c").shopId("s").shopName("n");
        assertThat(builder.build().isComplete()).isFalse();
        assertThat(builder.trackingId("tr").build().isComplete()).isTrue();
    }
}
