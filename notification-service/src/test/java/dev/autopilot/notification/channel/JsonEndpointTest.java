package dev.autopilot.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each HTTP answer of a webhook, Slack or PagerDuty means for the message. */
class JsonEndpointTest {

    private static final JsonEndpoint WEBHOOK = new JsonEndpoint(URI.create("http://127.0.0.1:9/hook"), "the webhook",
            Duration.ofSeconds(1), Duration.ofSeconds(1));

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
        SendResult result = WEBHOOK.resultOf(status);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.httpStatus()).isEqualTo(status);
        assertThat(result.detail()).isEqualTo(outcome == SendResult.Outcome.DELIVERED ? "HTTP " + status
                : "HTTP " + status + " from the webhook");
    }
}
