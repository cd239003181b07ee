package dev.autopilot.remediation.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.dynamodb.model.CreateBackupRequest;
import software.amazon.awssdk.services.ecs.model.EcsException;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;
import software.amazon.awssdk.services.s3.model.PutBucketPolicyRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** What a step records of an SDK request (its fields under their wire names), and which AWS failures may pass. */
class SdkRequestsTest {

    @Test
    void recordsTheFieldsSetUnderTheirWireNames() {
        assertThat(SdkRequests.fields(UpdateServiceRequest.builder().cluster("prod").service("web")
                .taskDefinition("web:41").build()))
                .isEqualTo(Map.of("cluster", "prod", "service", "web", "taskDefinition", "web:41"));
        assertThat(SdkRequests.fields(PublishRequest.builder().topicArn("arn:aws:sns:us-east-1:1:alerts")
                .message("EMERGENCY ROLLBACK: Service rolled back to web:41").build()))
                .isEqualTo(Map.of("TopicArn", "arn:aws:sns:us-east-1:1:alerts",
                        "Message", "EMERGENCY ROLLBACK: Service rolled back to web:41"));
        assertThat(SdkRequests.fields(CreateBackupRequest.builder().tableName("meta")
                .backupName("manual-backup-20261126-051241").build()))
                .isEqualTo(Map.of("TableName", "meta", "BackupName", "manual-backup-20261126-051241"));
        assertThat(SdkRequests.fields(PutBucketPolicyRequest.builder().bucket("projects").policy("{}").build()))
                .isEqualTo(Map.of("Bucket", "projects", "Policy", "{}"));
    }

    @Test
    void nestedFieldsListsAndTimesArePlainValues() {
        GetMetricStatisticsRequest request = GetMetricStatisticsRequest.builder()
                .namespace("AWS/ECS").metricName("CPUUtilization")
                .dimensions(Dimension.builder().name("ServiceName").value("web").build())
                .startTime(Instant.parse("2026-11-26T04:12:41Z")).endTime(Instant.parse("2026-11-26T05:12:41Z"))
                .period(300).statisticsWithStrings("Maximum").build();

        assertThat(SdkRequests.fields(request)).isEqualTo(Map.of("Namespace", "AWS/ECS",
                "MetricName", "CPUUtilization", "Dimensions", List.of(Map.of("Name", "ServiceName", "Value", "web")),
                "StartTime", "2026-11-26T04:12:41Z", "EndTime", "2026-11-26T05:12:41Z", "Period", 300,
                "Statistics", List.of("Maximum")));
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> retryable {2}")
    @CsvSource(delimiter = '|', textBlock = """
            400 | ThrottlingException       | true  | ThrottlingException (HTTP 400): slow down
            429 | TooManyRequestsException | true  | TooManyRequestsException (HTTP 429): slow down
            500 | ServerException           | true  | ServerException (HTTP 500): slow down
            503 | ServiceUnavailable        | true  | ServiceUnavailable (HTTP 503): slow down
            400 | InvalidParameterException | false | InvalidParameterException (HTTP 400): slow down
            403 | AccessDeniedException     | false | AccessDeniedException (HTTP 403): slow down
            404 | ServiceNotFoundException  | false | ServiceNotFoundException (HTTP 404): slow down
            """)
    void throttling5xxAndTimeoutsMayPassOtherClientErrorsWillNot(int status, String code, boolean retryable,
            String reason) {
        EcsException failure = (EcsException) EcsException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("slow down").build()).build();

        ActionResult result = AwsFailures.of(failure);

        assertThat(result.status()).isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.retryable()).isEqualTo(retryable);
        assertThat(result.outcome()).isEqualTo(reason);
    }

    @Test
    void aTimeoutOrNoAnswerMayPass() {
        assertThat(AwsFailures.of(ApiCallAttemptTimeoutException.create(5000)).retryable()).isTrue();
        assertThat(AwsFailures.of(SdkClientException.create("Unable to execute HTTP request: Connection refused"))
                .retryable()).isTrue();
    }
}
