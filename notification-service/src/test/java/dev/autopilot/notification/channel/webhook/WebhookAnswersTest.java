package dev.autopilot.notification.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.notification.channel.SendResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each answer of a webhook receiver means for the page. */
class WebhookAnswersTest {

    @ParameterizedTest(name = "HTTP {0} -> {1}")
    @CsvSource({
            "200, DELIVERED",
            "202, DELIVERED",
            "204, DELIVERED",
            "301, PERMANENT",
            "400, PERMANENT",
            "401, PERMANENT",
            "403, PERMANENT",
            "404, PERMANENT",
            "408, RETRYABLE",
            "410, PERMANENT",
            "413, PERMANENT",
            "422, PERMANENT",
            "429, RETRYABLE",
            "500, RETRYABLE",
            "502, RETRYABLE",
            "503, RETRYABLE",
            "504, RETRYABLE",
    })
    void classifiesTheAnswer(int status, SendResult.Outcome outcome) {
        SendResult result = WebhookChannel.resultOf(status);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.httpStatus()).isEqualTo(status);
    }
}
