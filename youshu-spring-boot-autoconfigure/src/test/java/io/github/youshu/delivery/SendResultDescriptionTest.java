package io.github.youshu.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.youshu.transport.ResponseClassifierAccess;
import io.github.youshu.transport.SendResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Issue 11 item 11: messages said "HTTP 503: HTTP 503" and "code 40099: code 40099". */
class SendResultDescriptionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            503 |                              | HTTP 503
            200 | {"code":40099}               | HTTP 200, code 40099
            200 | {"code":40001,"msg":"invalid open_id"} | HTTP 200, code 40001: invalid open_id
            400 | {"retcode":40001,"errmsg":"bad"}       | HTTP 400, code 40001: bad
            400 |                              | HTTP 400
            200 | not json                     | HTTP 200 without a code in the body
            """)
    void theTransportsAnswersAreDescribedSayingEachFactOnce(int status, String body, String expected) {
        SendResult result = ResponseClassifierAccess.classify(status, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));

        assertThat(SendResultDescription.of(result)).isEqualTo(expected);
    }

    @Test
    void aFailureWithoutAResponseSaysSo() {
        assertThat(SendResultDescription.of(SendResult.transientFailure(0, "timed out", null))).isEqualTo("no response: timed out");
        assertThat(SendResultDescription.of(SendResult.transientFailure(503, "Service Unavailable", null)))
                .isEqualTo("HTTP 503: Service Unavailable");
    }
}
