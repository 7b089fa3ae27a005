package io.github.youshu.expression;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Did you mean": typos and case or underscore differences find the name; unrelated names find nothing. */
class SuggestionsTest {

    @Test
    void findsTheClosestNameWithinTheDistanceItAllows() {
        assertThat(Suggestions.closest("idd", List.of("id", "createdAt", "total"))).isEqualTo("id");
        assertThat(Suggestions.closest("ordrId", List.of("openId", "orderId"))).isEqualTo("orderId");
        assertThat(Suggestions.closest("ORDER_ID", List.of("openId", "orderId"))).isEqualTo("orderId");
        assertThat(Suggestions.closest("give_ordr", List.of("give_order", "cancel_give_order"))).isEqualTo("give_order");
    }

    @Test
    void suggestsNothingForUnrelatedOrVeryShortNames() {
        assertThat(Suggestions.closest("shipped", List.of("give_order", "pay", "payed", "refund"))).isNull();
        assertThat(Suggestions.closest("x", List.of("id", "total"))).isNull();
        assertThat(Suggestions.closest("id", List.of("id"))).isNull();
        assertThat(Suggestions.didYouMean("zzz", List.of("id"))).isEmpty();
        assertThat(Suggestions.didYouMean("totl", List.of("total"))).isEqualTo("; did you mean 'total'?");
    }
}
