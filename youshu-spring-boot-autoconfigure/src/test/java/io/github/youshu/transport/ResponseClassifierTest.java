package io.github.youshu.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseClassifierTest {

    private final ResponseClassifier classifier =
            new ResponseClassifier(Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC));

    private SendResult classify(int status, String body) {
        return classifier.classify(status, null, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void codeZeroIsAccepted() {
        SendResult result = classify(200, "{\"code\":0,\"msg\":\"ok\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(result.httpStatus()).isEqualTo(200);
        assertThat(result.code()).isZero();
    }

    @Test
    void retcodeZeroIsAccepted() {
        assertThat(classify(200, "{\"retcode\":0,\"errmsg\":\"\",\"data\":{}}").outcome())
                .isEqualTo(SendOutcome.ACCEPTED);
    }

    @Test
    void numericStringCodeIsRead() {
        assertThat(classify(200, "{\"code\":\"0\"}").outcome()).isEqualTo(SendOutcome.ACCEPTED);
        assertThat(classify(200, "{\"code\":\"7\"}").code()).isEqualTo(7);
    }

    @Test
    void nonZeroCodeIsRejectedWithCodeAndMessage() {
        SendResult result = classify(200, "{\"code\":40001,\"msg\":\"invalid signature\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.code()).isEqualTo(40001);
        assertThat(result.message()).isEqualTo("code 40001: invalid signature");
    }

    @Test
    void nonZeroRetcodeIsRejected() {
        SendResult result = classify(200, "{\"retcode\":-1,\"errmsg\":\"bad\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.code()).isEqualTo(-1);
        assertThat(result.message()).isEqualTo("code -1: bad");
    }

    @Test
    void codeWinsOverRetcode() {
        assertThat(classify(200, "{\"code\":3,\"retcode\":0}").outcome()).isEqualTo(SendOutcome.REJECTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>gateway</html>", "{}", "[0]", "{\"code\":\"x\"}", "{\"code\":1.5}", "null",
        "{\"msg\":\"ok\"}"})
    void successStatusWithoutACodeIsTransientBecauseTheOutcomeIsUnknown(String body) {
        SendResult result = classify(200, body);

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.message()).isEqualTo("HTTP 200 without a code in the body");
    }

    @Test
    void serverMessageIsSingleLineAndTruncated() {
        String body = "{\"code\":2,\"msg\":\"line1\\nline2\\r\\n" + "x".repeat(500) + "\"}";

        String message = classify(200, body).message();

        assertThat(message).startsWith("code 2: line1 line2 ").doesNotContain("\n", "\r")
                .hasSize("code 2: ".length() + ResponseClassifier.MAX_SERVER_MESSAGE + "...".length());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 409, 413, 415, 422})
    void clientErrorsThatNameTheBodyAreRejected(int status) {
        SendResult result = classify(status, "not json");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.message()).isEqualTo("HTTP " + status);
    }

    @Test
    void clientErrorWithAJsonBodyKeepsItsCode() {
        SendResult result = classify(422, "{\"code\":40101,\"msg\":\"bad page\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REJECTED);
        assertThat(result.code()).isEqualTo(40101);
        assertThat(result.message()).isEqualTo("HTTP 422, code 40101: bad page");
    }

    @Test
    void merchantVerificationFailedIsTheRequestsFaultAndNamesTheCredentials() {
        SendResult result = classify(200, "{\"code\":15,\"msg\":\"merchant verification failed\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REQUEST_REJECTED);
        assertThat(result.code()).isEqualTo(15);
        assertThat(result.message()).isEqualTo("code 15: merchant verification failed");
        assertThat(result.checkProperty()).isEqualTo("youshu.app-id, youshu.app-secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 12, 14})
    void unknownDataSourceOrMerchantIsTheRequestsFault(int code) {
        SendResult result = classify(200, "{\"retcode\":" + code + ",\"errmsg\":\"not found\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REQUEST_REJECTED);
        assertThat(result.checkProperty()).startsWith("youshu.app-id");
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void unauthorizedAndForbiddenAreTheRequestsFault(int status) {
        SendResult result = classify(status, "{\"code\":40101,\"msg\":\"bad app_id\"}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REQUEST_REJECTED);
        assertThat(result.message()).isEqualTo("HTTP " + status + ", code 40101: bad app_id");
        assertThat(result.checkProperty()).isEqualTo("youshu.app-id, youshu.app-secret");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 405})
    void anUnknownUrlIsTheRequestsFault(int status) {
        SendResult result = classify(status, "not json");

        assertThat(result.outcome()).isEqualTo(SendOutcome.REQUEST_REJECTED);
        assertThat(result.message()).isEqualTo("HTTP " + status);
        assertThat(result.checkProperty()).isEqualTo("youshu.base-url, youshu.endpoint");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void serverErrorsTimeoutAndTooManyRequestsAreTransient(int status) {
        SendResult result = classify(status, "{\"code\":0}");

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.message()).isEqualTo("HTTP " + status);
        assertThat(result.retryAfter()).isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307})
    void redirectsAreTransient(int status) {
        assertThat(classify(status, "").outcome()).isEqualTo(SendOutcome.TRANSIENT);
    }

    @Test
    void retryAfterInSecondsIsRead() {
        SendResult result = classifier.classify(429, " 7 ", new byte[0]);

        assertThat(result.outcome()).isEqualTo(SendOutcome.TRANSIENT);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void retryAfterAsHttpDateIsTheTimeFromNow() {
        SendResult result = classifier.classify(503, "Wed, 21 Oct 2015 07:30:00 GMT", new byte[0]);

        assertThat(result.retryAfter()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void retryAfterInThePastIsZeroAndGarbageIsIgnored() {
        assertThat(classifier.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(classifier.parseRetryAfter("soon")).isNull();
        assertThat(classifier.parseRetryAfter("-5")).isNull();
        assertThat(classifier.parseRetryAfter("99999999999999999999999")).isNull();
        assertThat(classifier.parseRetryAfter(null)).isNull();
    }
}
