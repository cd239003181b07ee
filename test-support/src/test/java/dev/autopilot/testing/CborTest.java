package dev.autopilot.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/** The CBOR stubs, proven against the real CloudWatch client of the SDK. */
class CborTest {

    private final WireMockServer stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private CloudWatchClient cloudWatch;

    @BeforeEach
    void start() {
        stub.start();
        cloudWatch = CloudWatchClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create(stub.baseUrl()))
                .overrideConfiguration(c -> c.retryStrategy(r -> r.maxAttempts(1)))
                .build();
    }

    @AfterEach
    void stop() {
        cloudWatch.close();
        stub.stop();
    }

    @Test
    void theSdkReadsAMetricDataAnswerAndSendsCbor() {
        Instant t1 = Instant.parse("2026-11-26T05:00:00Z");
        Instant t2 = Instant.parse("2026-11-26T05:01:00Z");
        stub.stubFor(Cbor.cloudWatch("GetMetricData").willReturn(Cbor.ok(Cbor.metricData(List.of(
                new Cbor.MetricSeries("cpu", "CPUUtilization", List.of(t1, t2), List.of(91.0, 87.5)))))));

        GetMetricDataResponse answer = cloudWatch.getMetricData(r -> r
                .startTime(t1).endTime(t2)
                .metricDataQueries(q -> q.id("cpu").metricStat(s -> s.period(60).stat("Average")
                        .metric(m -> m.namespace("AWS/ECS").metricName("CPUUtilization")
                                .dimensions(Dimension.builder().name("ServiceName").value("web").build())))));

        assertThat(answer.metricDataResults()).singleElement().satisfies(result -> {
            assertThat(result.id()).isEqualTo("cpu");
            assertThat(result.timestamps()).containsExactly(t1, t2);
            assertThat(result.values()).containsExactly(91.0, 87.5);
        });
        byte[] sent = stub.findAll(postRequestedFor(urlPathEqualTo(
                "/service/GraniteServiceVersion20100801/operation/GetMetricData"))).get(0).getBody();
        JsonNode request = Cbor.read(sent);
        assertThat(request.at("/MetricDataQueries/0/MetricStat/Metric/MetricName").asText()).isEqualTo("CPUUtilization");
        assertThat(request.at("/MetricDataQueries/0/MetricStat/Stat").asText()).isEqualTo("Average");
        assertThat(request.at("/StartTime").asDouble()).isEqualTo(t1.getEpochSecond());
    }

    @Test
    void theSdkReadsMetricStatistics() {
        Instant t1 = Instant.parse("2026-11-26T05:00:00Z");
        stub.stubFor(Cbor.cloudWatch("GetMetricStatistics").willReturn(Cbor.ok(
                Cbor.metricStatistics("CPUUtilization", "Maximum", Map.of(t1, 87.5), "Percent"))));

        GetMetricStatisticsResponse answer = cloudWatch.getMetricStatistics(r -> r.namespace("AWS/ECS")
                .metricName("CPUUtilization").startTime(t1).endTime(t1.plusSeconds(3600)).period(300)
                .statistics(Statistic.MAXIMUM));

        assertThat(answer.datapoints()).singleElement().satisfies(point -> {
            assertThat(point.timestamp()).isEqualTo(t1);
            assertThat(point.maximum()).isEqualTo(87.5);
        });
    }

    @Test
    void theSdkReadsAnError() {
        stub.stubFor(Cbor.cloudWatch("GetMetricStatistics").willReturn(
                Cbor.error(400, "InvalidParameterValue", "bad period")));

        assertThatThrownBy(() -> cloudWatch.getMetricStatistics(r -> r.namespace("AWS/ECS").metricName("x")
                .startTime(Instant.EPOCH).endTime(Instant.EPOCH.plusSeconds(60)).period(60)
                .statistics(Statistic.AVERAGE)))
                .isInstanceOfSatisfying(CloudWatchException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue"));
    }
}
