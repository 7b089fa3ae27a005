package io.github.youshu.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestSignerTest {

    private static final Clock FIXED = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    /** The three published vectors of wire-contract.md. */
    @ParameterizedTest
    @CsvSource({
        "abc, 407313d23c3f7, 1542951251, xyz, 6e54c38c7e9c382a5295c3885503fa4a9ee37cabc884350d84973fc1b843126d",
        "abc, 407313d23c3f7, 1542951251, 123, 25d5806d0aadc93129879874227c348c33f8e29d70cdcb3094c6909fadb3007b",
        "abc, 61794670f155b, 1569232087, xyz, aee30792812d7b09ba7d3aa67c24e16c6a7ea81282ac728ad5966dd1b3eef6d5",
    })
    void signatureMatchesPublishedVectors(String appId, String nonce, long timestamp, String secret, String expected) {
        RequestSigner signer = new RequestSigner(YoushuCredentials.of(appId, secret), FIXED);

        assertThat(signer.signature(nonce, timestamp)).isEqualTo(expected);
    }

    @Test
    void signedQueryHasKeysInContractOrderAndAVerifiableSignature() {
        RequestSigner signer = new RequestSigner(YoushuCredentials.of("bi123", "xyz"), FIXED);

        String query = signer.newQuery(ReportEndpoint.SAFE_REPORT);

        Map<String, String> params = parse(query);
        assertThat(params).containsOnlyKeys("app_id", "nonce", "sign", "timestamp", "signature");
        assertThat(params.keySet()).containsExactly("app_id", "nonce", "sign", "timestamp", "signature");
        assertThat(params).containsEntry("app_id", "bi123").containsEntry("sign", "sha256")
                .containsEntry("timestamp", "1700000000");
        assertThat(params.get("nonce")).matches("[0-9a-f]{32}");
        assertThat(params.get("signature"))
                .isEqualTo(signer.signature(params.get("nonce"), 1_700_000_000L))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void plainQueryHasAppIdTimestampNonceAndNoSignature() {
        RequestSigner signer = new RequestSigner(YoushuCredentials.of("bi123", "xyz"), FIXED);

        Map<String, String> params = parse(signer.newQuery(ReportEndpoint.REPORT));

        assertThat(params.keySet()).containsExactly("app_id", "timestamp", "nonce");
        assertThat(params).containsEntry("timestamp", "1700000000");
    }

    @Test
    void everyQueryHasAFreshNonceAndTheCurrentTimestamp() {
        MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_000L));
        RequestSigner signer = new RequestSigner(YoushuCredentials.of("bi123", "xyz"), clock);

        Map<String, String> first = parse(signer.newQuery(ReportEndpoint.SAFE_REPORT));
        clock.now = Instant.ofEpochSecond(1_030L);
        Map<String, String> second = parse(signer.newQuery(ReportEndpoint.SAFE_REPORT));

        assertThat(first.get("nonce")).isNotEqualTo(second.get("nonce"));
        assertThat(first.get("timestamp")).isEqualTo("1000");
        assertThat(second.get("timestamp")).isEqualTo("1030");
        assertThat(first.get("signature")).isNotEqualTo(second.get("signature"));
    }

    @Test
    void appIdIsUrlEncodedInTheQueryButSignedAsIs() {
        RequestSigner signer = new RequestSigner(YoushuCredentials.of("bi a&b", "xyz"), FIXED);

        String query = signer.newQuery(ReportEndpoint.SAFE_REPORT);

        assertThat(query).startsWith("app_id=bi+a%26b&");
        Map<String, String> params = parse(query);
        assertThat(params.get("signature")).isEqualTo(signer.signature(params.get("nonce"), 1_700_000_000L));
    }

    @Test
    void toStringNamesTheAppIdButNotTheSecret() {
        assertThat(new RequestSigner(YoushuCredentials.of("bi123", "top-secret-value"), FIXED).toString())
                .contains("bi123").doesNotContain("top-secret-value");
    }

    static Map<String, String> parse(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                    java.nio.charset.StandardCharsets.UTF_8));
        }
        return params;
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
