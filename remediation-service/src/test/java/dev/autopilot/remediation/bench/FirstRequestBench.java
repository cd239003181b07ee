package dev.autopilot.remediation.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.support.messaging.OutgoingRecord;
import dev.autopilot.testing.TopicReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Measures how soon the remediation service acts: from an {@code IncidentOpened} acknowledged by Kafka to the first
 * AWS request of its playbook arriving at a stub standing in for AWS. Not a test; run by
 * {@code remediation-service/bench/run.sh}, which starts Kafka and PostgreSQL and the packaged service pointed at
 * this stub.
 *
 * <pre>
 * FirstRequestBench --kafka 127.0.0.1:19092 --stub-port 18599 --service-url http://127.0.0.1:18582 \
 *     [--incidents 300] [--warmup 30]
 * </pre>
 *
 * Each incident is an outage of a service of its own, so the first request of its playbook is the ECS
 * DescribeServices of that service. The stub answers every request with a client error: the playbook's evidence
 * steps fail fast and nothing is changed.
 */
public final class FirstRequestBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FirstRequestBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int incidents = Integer.parseInt(options.getOrDefault("incidents", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "30"));
        Map<String, Long> arrivals = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> awaited = new ConcurrentHashMap<>();

        WireMockServer stub = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1")
                .port(Integer.parseInt(options.get("stub-port"))).disableRequestJournal());
        stub.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withBody("{\"__type\":\"ClientException\",\"message\":\"the bench changes nothing\"}")));
        stub.addMockServiceRequestListener((request, response) -> {
            String target = request.getHeader("X-Amz-Target");
            if (target != null && target.endsWith(".DescribeServices")) {
                long at = System.nanoTime();
                try {
                    String service = JSON.readTree(request.getBodyAsString()).path("services").path(0).asText();
                    if (arrivals.putIfAbsent(service, at) == null && awaited.containsKey(service)) {
                        awaited.get(service).countDown();
                    }
                } catch (Exception e) {
                    // not a request of ours
                }
            }
        });
        stub.start();
        System.out.println("STUB READY on 127.0.0.1:" + stub.port());
        awaitReady(options.get("service-url"));

        TopicReader kafka = new TopicReader(options.get("kafka"));
        List<Long> fromAck = new ArrayList<>();
        List<Long> fromSend = new ArrayList<>();
        for (int i = 0; i < warmup + incidents; i++) {
            String service = "bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            CountDownLatch arrived = new CountDownLatch(1);
            awaited.put(service, arrived);
            IncidentOpened incident = new IncidentOpened(UUID.randomUUID().toString(), "fp-" + service,
                    "bench outage " + i, Severity.P0, "outage", service,
                    Map.of("alarmName", "bench-" + i, "dimension.ServiceName", service), UUID.randomUUID().toString(),
                    Instant.now());
            OutgoingRecord record = OutgoingRecord.of(incident, UUID.randomUUID().toString(), "detector");
            long sent = System.nanoTime();
            kafka.write(record.topic(), record.key(), record.headers(), EventCodec.encode(incident));
            long acked = System.nanoTime();
            if (!arrived.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("no AWS request for incident " + i + " within 30 s");
            }
            if (i >= warmup) {
                fromAck.add(arrivals.get(service) - acked);
                fromSend.add(arrivals.get(service) - sent);
            }
        }
        stub.stop();
        System.out.printf("%d outages, one at a time, after %d not counted:%n", incidents, warmup);
        print("IncidentOpened acknowledged by Kafka -> first AWS request at the stub", fromAck);
        print("IncidentOpened sent -> first AWS request at the stub", fromSend);
    }

    private static void print(String what, List<Long> nanos) {
        System.out.printf("  %-72s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", what, p(nanos, 50), p(nanos, 99),
                p(nanos, 100));
    }

    static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    private static void awaitReady(String serviceUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(serviceUrl
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the remediation service at " + serviceUrl + " was not ready in 120 s");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return options;
    }
}
