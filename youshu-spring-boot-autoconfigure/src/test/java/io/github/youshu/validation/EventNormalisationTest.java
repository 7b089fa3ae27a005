package io.github.youshu.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.youshu.event.Chan;
import io.github.youshu.event.ChanCustom;
import io.github.youshu.event.CommonProps;
import io.github.youshu.event.Component;
import io.github.youshu.event.CouponOrderProps;
import io.github.youshu.event.CustomOrderProps;
import io.github.youshu.event.EventJsonSerializer;
import io.github.youshu.event.GenericProps;
import io.github.youshu.event.SpecExamples;
import io.github.youshu.event.SubOrder;
import io.github.youshu.event.WxUser;
import io.github.youshu.event.WxUserTag;
import io.github.youshu.event.YoushuEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 1: validation and serialization share one normalisation, so that what passes
 * validation is exactly what is written.
 */
class EventNormalisationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventValidator validator = new EventValidator(ZoneId.of("Asia/Shanghai"));
    private final EventJsonSerializer serializer = new EventJsonSerializer();

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({"9.000, 9.00", "9.9500, 9.95", "59.7000, 59.70", "100.000, 100.00", "30.3, 30.3", "9, 9", "0.000, 0.00"})
    void anAmountWhoseValueHasAtMostTwoDecimalsIsWrittenWithAtMostTwo(String given, String written) {
        BigDecimal amount = new BigDecimal(given);
        YoushuEvent event = order(new SubOrder("xxxx", amount, amount));

        assertThat(writtenText(event)).contains("\"order_amt\":" + written + ",\"pay_amt\":" + written + "}");
    }

    @Test
    void aPriceTimesADiscountIsSentWithTwoDecimals() throws Exception {
        BigDecimal payAmt = new BigDecimal("19.90").multiply(new BigDecimal("0.50"));   // 9.9500
        YoushuEvent event = YoushuEvent.couponOrder(((CouponOrderProps) SpecExamples.couponOrder().props()).toBuilder()
                .coupon(((CouponOrderProps) SpecExamples.couponOrder().props()).coupon().toBuilder().payAmt(payAmt).build())
                .build()).withFrom("shop");

        assertThat(writtenText(event)).contains("\"pay_amt\":9.95");
    }

    @Test
    void anAmountWithAThirdSignificantDecimalIsRefusedNotRounded() {
        YoushuEvent event = order(new SubOrder("xxxx", new BigDecimal("9.0010"), new BigDecimal("9.00")));

        assertThat(validator.validate(event)).extracting(Violation::toString)
                .containsExactly("props.sub_orders[0].order_amt: must have at most 2 decimal places");
    }

    @Test
    void anAmountAboveTheDocumentedMaximumIsRefused() {
        YoushuEvent largest = order(new SubOrder("xxxx", new BigDecimal(EventValidator.MAX_AMOUNT_TEXT), BigDecimal.ZERO));
        YoushuEvent tooLarge = order(new SubOrder("xxxx", new BigDecimal("1000000000000"), new BigDecimal("1E+400")));

        assertThat(validator.validate(largest)).isEmpty();
        assertThat(validator.validate(tooLarge)).extracting(Violation::toString).containsExactly(
                "props.sub_orders[0].order_amt: must be at most 999999999999.99 yuan",
                "props.sub_orders[0].pay_amt: must be at most 999999999999.99 yuan");
    }

    @Test
    void blankOptionalStringsAreLeftOutInsteadOfWrittenEmpty() throws Exception {
        CommonProps common = SpecExamples.common().toBuilder()
                .pageTitle(" ")
                .srSdkVersion("")
                .wxUser(new WxUser("wx9d4f5f22pa099f82", "ogN6X0T", "", " ", "",
                        List.of(new WxUserTag("", null), new WxUserTag("vip", "VIP"), new WxUserTag(" ", ""))))
                .chan(new Chan(1037, "", "", "", "", ChanCustom.builder().id("mp-article-12375", "article")
                        .cat1("", "").build()))
                .component(new Component("", " "))
                .build();
        YoushuEvent event = SpecExamples.generic().withTrackingId(" ").withProps(SpecExamples.generic().props().withCommon(common));

        JsonNode json = sent(event);

        assertThat(json.has("tracking_id")).isFalse();
        JsonNode props = json.get("props");
        assertThat(props.has("page_title")).isFalse();
        assertThat(props.has("sr_sdk_version")).isFalse();
        assertThat(props.has("component")).isFalse();
        assertThat(props.get("wx_user")).isEqualTo(JSON.readTree("""
                {"app_id": "wx9d4f5f22pa099f82", "open_id": "ogN6X0T", "tag": [{}, {"tag_id": "vip", "tag_name": "VIP"}, {}]}"""));
        assertThat(props.get("chan")).isEqualTo(JSON.readTree("""
                {"chan_wxapp_scene": 1037, "chan_custom": {"chan_custom_id": "mp-article-12375", "chan_custom_id_desc": "article"}}"""));
    }

    @Test
    void aChanCustomOfBlanksIsLeftOutWhole() throws Exception {
        CommonProps common = SpecExamples.common().toBuilder()
                .chan(new Chan(1037, null, null, null, null, ChanCustom.builder().id("", " ").cat1("", "").build()))
                .build();

        JsonNode json = sent(SpecExamples.generic().withProps(SpecExamples.generic().props().withCommon(common)));

        assertThat(json.at("/props/chan")).isEqualTo(JSON.readTree("{\"chan_wxapp_scene\": 1037}"));
    }

    @Test
    void aBlankRequiredStringIsKeptAndRefused() {
        CommonProps common = SpecExamples.common().toBuilder().wxUser(WxUser.of("wx9d4f5f22pa099f82", " ")).build();
        YoushuEvent event = SpecExamples.generic().withProps(SpecExamples.generic().props().withCommon(common));

        assertThat(validator.validate(event)).extracting(Violation::toString)
                .containsExactly("props.wx_user.open_id: must not be blank");
    }

    @Test
    void aNullEntryOfAListIsRefusedWithItsPathAndANullMapValueIsLeftOut() {
        YoushuEvent event = generic(GenericProps.builder()
                .put("sku_ids", Arrays.asList("a", null, "c"))
                .put("extra", new java.util.HashMap<>(java.util.Collections.singletonMap("note", null))));

        EventValidator.Result result = validator.check(event);

        assertThat(result.violations()).extracting(Violation::toString).containsExactly(
                "props.sku_ids[1]: must not be null (a null entry cannot be left out without moving the entries after it)");
    }

    @Test
    void aNullMapValueIsLeftOut() throws Exception {
        YoushuEvent event = generic(GenericProps.builder()
                .put("extra", new java.util.HashMap<>(java.util.Collections.singletonMap("note", null))));

        assertThat(sent(event).at("/props/extra")).isEqualTo(JSON.readTree("{}"));
    }

    @Test
    void aValidEventIsReturnedAsItIsWhenNothingNeedsNormalising() {
        YoushuEvent example = SpecExamples.customOrder().withFrom("shop");
        YoushuEvent event = example.withProps(example.props().withCommon(example.props().common().toBuilder()
                .component(new Component("banner", "Banner")).build()));

        assertThat(validator.check(event).event()).isSameAs(event);
    }

    private static YoushuEvent order(SubOrder subOrder) {
        CustomOrderProps props = (CustomOrderProps) SpecExamples.customOrder().props();
        return YoushuEvent.customOrder(props.toBuilder().subOrders(List.of(subOrder)).build()).withFrom("shop");
    }

    static YoushuEvent generic(GenericProps.Builder props) {
        return YoushuEvent.of("add_to_cart", props.common(SpecExamples.common()).build()).withFrom("shop");
    }

    /** The event as it is sent: checked valid, then its normalised form written. */
    private JsonNode sent(YoushuEvent event) throws Exception {
        return JSON.readTree(writtenText(event));
    }

    private String writtenText(YoushuEvent event) {
        EventValidator.Result result = validator.check(event);
        assertThat(result.violations()).as("violations").isEmpty();
        return serializer.toJson(result.event());
    }
}
