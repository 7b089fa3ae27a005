package io.github.youshu.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserIdMaskingTest {

    private final UserIdMasking masking = new UserIdMasking();

    @Test
    void masksOpenIdUnionIdAndUserIdAndKeepsTheRest() throws IOException {
        Map<String, Object> event = masking.masked(golden("custom_order"));

        Map<?, ?> wxUser = (Map<?, ?>) props(event).get("wx_user");
        assertThat(wxUser.get("open_id")).isEqualTo("ogN6X0T***");
        assertThat(wxUser.get("union_id")).isEqualTo("o6_bmls***");
        assertThat(wxUser.get("user_id")).isEqualTo("548***");
        assertThat(wxUser.get("app_id")).isEqualTo("wx9d4f5f22pa099f82");
        assertThat(wxUser.get("local_id")).isEqualTo("360b8853-64bf-3fba-e9a0-5abb1e4d7721");
        assertThat(event.get("type")).isEqualTo("custom_order");
        Map<?, ?> subOrder = (Map<?, ?>) ((List<?>) props(event).get("sub_orders")).get(0);
        assertThat(subOrder.get("pay_amt")).isEqualTo(new BigDecimal("30.3"));
        Map<String, Object> coupon = masking.masked(golden("coupon_order"));
        assertThat(((Map<?, ?>) props(coupon).get("coupon")).get("pay_amt")).hasToString("9.00");
    }

    @Test
    void masksAtAnyDepthAndShortValuesEntirely() {
        Map<String, Object> event = masking.masked("{\"a\":[{\"open_id\":\"abc\"}],\"user_id\":12345678}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(((Map<?, ?>) ((List<?>) event.get("a")).get(0)).get("open_id")).isEqualTo("***");
        assertThat(event.get("user_id")).isEqualTo("12***");
    }

    @Test
    void unreadableJsonIsSaidSoWithoutItsContent() {
        assertThat(masking.masked("{\"open_id\":\"oGN6X0T-ilsH".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("unreadable", "invalid JSON"));
        assertThat(masking.masked("[1]".getBytes(StandardCharsets.UTF_8)))
                .containsExactly(Map.entry("unreadable", "not a JSON object"));
    }

    private static Map<?, ?> props(Map<String, Object> event) {
        return (Map<?, ?>) event.get("props");
    }

    static byte[] golden(String type) throws IOException {
        try (InputStream in = UserIdMaskingTest.class.getResourceAsStream("/golden/" + type + ".json")) {
            return in.readAllBytes();
        }
    }
}
