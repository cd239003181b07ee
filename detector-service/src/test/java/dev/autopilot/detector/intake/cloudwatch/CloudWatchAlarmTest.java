package dev.autopilot.detector.intake.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autopilot.contracts.signal.SignalStatus;
import dev.autopilot.support.problem.Problem;
import dev.autopilot.support.problem.ProblemException;
import dev.autopilot.testing.Payloads;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudWatchAlarmTest {

    @Test
    void readsTheRealAlarmMessage() {
        CloudWatchAlarm alarm = CloudWatchAlarm.parse(Payloads.cloudWatchAlarm());

        assertThat(alarm.alarmName()).isEqualTo("EXAMPLE");
        assertThat(alarm.newState()).isEqualTo(SignalStatus.FIRING);
        assertThat(alarm.oldState()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(alarm.stateChangeTime()).isEqualTo(Instant.parse("2015-06-03T17:43:27.123Z"));
        assertThat(alarm.namespace()).isEqualTo("AWS/EC2");
        assertThat(alarm.metricName()).isEqualTo("NetworkOut");
        assertThat(alarm.dimensions()).isEqualTo(Map.of("InstanceId", "TestInstance"));
        assertThat(alarm.threshold()).isEqualTo(0.0);
        assertThat(alarm.accountId()).isEqualTo("123456789012");
        assertThat(alarm.fingerprint()).isEqualTo("cloudwatch:EXAMPLE:InstanceId=TestInstance");
        assertThat(alarm.labels()).containsEntry("alarmName", "EXAMPLE")
                .containsEntry("namespace", "AWS/EC2")
                .containsEntry("metricName", "NetworkOut")
                .containsEntry("dimension.InstanceId", "TestInstance");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"ALARM, FIRING", "OK, RESOLVED", "INSUFFICIENT_DATA, INSUFFICIENT_DATA"})
    void mapsTheAlarmStates(String state, SignalStatus status) {
        ObjectNode message = Payloads.cloudWatchAlarm();
        message.put("NewStateValue", state);

        assertThat(CloudWatchAlarm.parse(message).newState()).isEqualTo(status);
    }

    @Test
    void theFingerprintIgnoresTheOrderOfDimensions() {
        var one = CloudWatchAlarm.parse(Payloads.cloudWatchAlarm("a", "ALARM", "AWS/ECS", "CPUUtilization",
                new java.util.LinkedHashMap<>(Map.of("ClusterName", "c"))));
        ObjectNode two = Payloads.cloudWatchAlarm("a", "ALARM", "AWS/ECS", "CPUUtilization", Map.of());
        two.withArray("/Trigger/Dimensions").addObject().put("name", "ServiceName").put("value", "s");
        two.withArray("/Trigger/Dimensions").addObject().put("name", "ClusterName").put("value", "c");
        ObjectNode three = Payloads.cloudWatchAlarm("a", "ALARM", "AWS/ECS", "CPUUtilization", Map.of());
        three.withArray("/Trigger/Dimensions").addObject().put("name", "ClusterName").put("value", "c");
        three.withArray("/Trigger/Dimensions").addObject().put("name", "ServiceName").put("value", "s");

        assertThat(one.fingerprint()).isEqualTo("cloudwatch:a:ClusterName=c");
        assertThat(CloudWatchAlarm.parse(two).fingerprint()).isEqualTo(CloudWatchAlarm.parse(three).fingerprint())
                .isEqualTo("cloudwatch:a:ClusterName=c:ServiceName=s");
    }

    @Test
    void readsAMetricMathAlarm() {
        ObjectNode message = Payloads.cloudWatchAlarm();
        ObjectNode trigger = message.putObject("Trigger");
        trigger.put("Period", 60).put("EvaluationPeriods", 1).put("ComparisonOperator", "GreaterThanThreshold")
                .put("Threshold", 5.0);
        var metrics = trigger.putArray("Metrics");
        ObjectNode errors = metrics.addObject().put("Id", "m1").put("ReturnData", false);
        ObjectNode errorMetric = errors.putObject("MetricStat").put("Period", 60).put("Stat", "Sum")
                .putObject("Metric").put("Namespace", "AWS/ApplicationELB").put("MetricName", "HTTPCode_Target_5XX_Count");
        errorMetric.putArray("Dimensions").addObject().put("value", "app/t-developer-alb/50dc6c495c0c9188")
                .put("name", "LoadBalancer");
        metrics.addObject().put("Id", "m2").put("ReturnData", false).putObject("MetricStat").put("Period", 60)
                .put("Stat", "Sum").putObject("Metric").put("Namespace", "AWS/ApplicationELB")
                .put("MetricName", "RequestCount");
        metrics.addObject().put("Id", "e1").put("Expression", "100 * m1 / m2").put("Label", "error rate")
                .put("ReturnData", true);

        CloudWatchAlarm alarm = CloudWatchAlarm.parse(message);

        assertThat(alarm.namespace()).isEqualTo("AWS/ApplicationELB");
        assertThat(alarm.metricName()).isEqualTo("HTTPCode_Target_5XX_Count");
        assertThat(alarm.dimensions()).containsEntry("LoadBalancer", "app/t-developer-alb/50dc6c495c0c9188");
        assertThat(alarm.expression()).isEqualTo("100 * m1 / m2");
        assertThat(alarm.labels()).containsEntry("expression", "100 * m1 / m2");
    }

    @Test
    void namesEveryProblemOfABadAlarm() {
        ObjectNode message = Payloads.cloudWatchAlarm();
        message.remove("AlarmName");
        message.put("NewStateValue", "ON_FIRE");
        message.put("StateChangeTime", "yesterday");
        message.withObject("/Trigger").put("Threshold", "high");

        assertThatThrownBy(() -> CloudWatchAlarm.parse(message))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem("/x").errors())
                        .extracting(Problem.FieldError::field)
                        .containsExactlyInAnyOrder("Message.AlarmName", "Message.NewStateValue",
                                "Message.StateChangeTime", "Message.Trigger.Threshold"));
    }

    @ParameterizedTest
    @CsvSource({
            "2015-06-03T17:43:27.123+0000, 2015-06-03T17:43:27.123Z",
            "2015-06-03T17:43:27.123+0900, 2015-06-03T08:43:27.123Z",
            "2015-06-03T17:43:27+0000,     2015-06-03T17:43:27Z",
            "2015-06-03T17:43:27.123Z,     2015-06-03T17:43:27.123Z",
    })
    void readsCloudWatchTimes(String text, Instant expected) {
        assertThat(CloudWatchAlarm.parseTime(text)).isEqualTo(expected);
    }
}
