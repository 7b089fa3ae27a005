package io.github.youshu.order;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * data-api.md §3: lowercase hex SHA-256 of the number's digits, spaces and dashes removed, a leading
 * +86/86 country code removed. The expected values were computed with {@code printf %s DIGITS | sha256sum}.
 */
class PhoneNumberHashTest {

    private static final String SHA256_13800138000 = "a6942f9771d67f34034d2f1926988ed3fad3bf1b4e7cedb9a31f31398dea43bc";

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "13800138000|" + SHA256_13800138000,
            "138 0013 8000|" + SHA256_13800138000,
            "138-0013-8000|" + SHA256_13800138000,
            "+86 138-0013-8000|" + SHA256_13800138000,
            "+8613800138000|" + SHA256_13800138000,
            "8613800138000|" + SHA256_13800138000,
            "86 138 0013 8000|" + SHA256_13800138000,
            "\t13800138000 |" + SHA256_13800138000,
            "+86-139 1234 5678|ba6c167e885ea4be8252fb01c61fc55439089f389ee1b0592fc8c4f417196403",
            "021-6123-4567|79f254e8d09cea875531b3de2f86593f589333b2e3e158fba41ff7d6e6e24326",
            // 86 is a country code only before an 11-digit mobile number: this 8-digit number keeps it.
            "86123456|336afc2740aff198721e6f408c8b75633974b4bc61a07686918f79c7c74392a3",
    })
    void knownVectors(String phoneNumber, String expected) {
        assertThat(PhoneNumberHash.sha256(phoneNumber)).isEqualTo(expected);
        assertThat(PhoneNumberHash.isSha256Hex(expected)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " - ", "+86", "138O0138000", "+852 9123 4567", "(021) 61234567", "138.0013.8000"})
    void numberThatIsNotDigitsIsRefusedWithoutShowingIt(String phoneNumber) {
        assertThatThrownBy(() -> PhoneNumberHash.sha256(phoneNumber))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number")
                .satisfies(e -> {
                    if (!phoneNumber.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(phoneNumber.strip());
                    }
                });
    }

    @Test
    void nullIsRefused() {
        assertThatThrownBy(() -> PhoneNumberHash.sha256(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void onlyLowercaseHexOf64DigitsIsAHash() {
        assertThat(PhoneNumberHash.isSha256Hex(SHA256_13800138000.toUpperCase())).isFalse();
        assertThat(PhoneNumberHash.isSha256Hex(SHA256_13800138000.substring(1))).isFalse();
        assertThat(PhoneNumberHash.isSha256Hex(SHA256_13800138000.replace('a', 'g'))).isFalse();
        assertThat(PhoneNumberHash.isSha256Hex(null)).isFalse();
    }

    @Test
    void buildersHashPlainNumbers() {
        assertThat(UserInfo.builder().userPhone("+86 138-0013-8000").build().sha256UserPhone()).isEqualTo(SHA256_13800138000);
        assertThat(ExpressInfo.builder().receiverPhone("13800138000").build().sha256ReceiverPhone()).isEqualTo(SHA256_13800138000);
        InvoiceInfo invoice = InvoiceInfo.builder().registryPhone("8613800138000").invoiceDeliveryPhone("138 0013 8000").build();
        assertThat(invoice.sha256RegistryPhone()).isEqualTo(SHA256_13800138000);
        assertThat(invoice.sha256InvoiceDeliveryPhone()).isEqualTo(SHA256_13800138000);
    }

    @Test
    void blankNumberInABuilderLeavesThePhoneOut() {
        assertThat(UserInfo.builder().userPhone(" ").build().sha256UserPhone()).isNull();
        assertThat(ExpressInfo.builder().receiverPhone("").build().sha256ReceiverPhone()).isNull();
        assertThat(InvoiceInfo.builder().registryPhone(null).invoiceDeliveryPhone("\t").build())
                .extracting(InvoiceInfo::sha256RegistryPhone, InvoiceInfo::sha256InvoiceDeliveryPhone)
                .containsExactly(null, null);
    }

    @Test
    void buildersKeepGivenHashes() {
        assertThat(UserInfo.builder().sha256UserPhone(SHA256_13800138000).build().sha256UserPhone())
                .isEqualTo(SHA256_13800138000);
    }

    @Test
    void aPlainNumberCannotBeStoredAsAHash() {
        assertThatThrownBy(() -> new UserInfo("o", null, null, null, null, null, null, "13800138000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sha256_user_phone")
                .hasMessageNotContaining("13800138000");
        assertThatThrownBy(() -> ExpressInfo.builder().sha256ReceiverPhone("13800138000"))
                .hasMessageContaining("sha256_receiver_phone").hasMessageNotContaining("13800138000");
        assertThatThrownBy(() -> InvoiceInfo.builder().sha256RegistryPhone(SHA256_13800138000.toUpperCase()))
                .hasMessageContaining("sha256_registry_phone");
        assertThatThrownBy(() -> InvoiceInfo.builder().sha256InvoiceDeliveryPhone("+8613800138000"))
                .hasMessageContaining("sha256_invoice_delivery_phone").hasMessageNotContaining("13800138000");
    }
}
