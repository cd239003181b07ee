package dev.autopilot.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void everyConsumedTopicHasADeadLetterTopicPerConsumer() {
        assertThat(Topics.all()).contains(
                "signals.v1", "incidents.v1", "recommendations.v1", "remediations.v1", "notifications.v1",
                "reports.v1", "signals.v1.dlq.detector", "incidents.v1.dlq.remediation",
                "incidents.v1.dlq.notification", "incidents.v1.dlq.reporting", "remediations.v1.dlq.reporting",
                "notifications.v1.dlq.reporting", "recommendations.v1.dlq.remediation", "reports.v1.dlq.notification")
                .doesNotHaveDuplicates();
    }

    @Test
    void everyStreamIsATopicOfItsOwn() {
        assertThat(Topics.STREAMS).extracting(EventStream::topic).doesNotHaveDuplicates()
                .allSatisfy(topic -> assertThat(topic).matches("[a-z]+\\.v[0-9]+"));
    }
}
