package io.github.youshu.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class RequestSignatureTest {

    @ParameterizedTest(name = "app_id={0} nonce={1} timestamp={2}")
    @CsvFileSource(resources = "/signature-vectors.csv")
    void matchesThePublishedVectors(String appId, String nonce, String timestamp, String secret, String expected) {
        assertThat(RequestSignature.sign(secret, appId, nonce, timestamp)).isEqualTo(expected);
    }

    @Test
    void signsTheFixedQueryStringWithoutEncoding() {
        assertThat(RequestSignature.stringToSign("bi demo", "n/1", "1542951251"))
                .isEqualTo("app_id=bi demo&nonce=n/1&sign=sha256&timestamp=1542951251");
    }

    @Test
    void comparesExactly() {
        String signature = RequestSignature.sign("xyz", "abc", "407313d23c3f7", "1542951251");

        assertThat(RequestSignature.matches(signature, signature)).isTrue();
        assertThat(RequestSignature.matches(signature, signature.toUpperCase())).isFalse();
        assertThat(RequestSignature.matches(signature, signature.substring(1))).isFalse();
    }
}
