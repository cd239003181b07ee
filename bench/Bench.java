import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Latency and intake figures of a running stack (./autopilot up). See bench/README.md.
 *
 * <p>Latency: N alarms after W uncounted ones (JIT, connections), one at a time (light load), each an SNS notification of a CloudWatch alarm with a new
 * name. For each: from the start of the POST to (a) IncidentOpened seen by a Kafka consumer on incidents.v1,
 * (b) the page arriving at this program's webhook receiver, (c) the reporting service's timeline holding
 * IncidentOpened, RemediationPlanned and NotificationSent (polled every 5 ms).
 *
 * <p>Intake: generic signals posted by C concurrent clients for S seconds, one signal per request and then
 * batches of B, all of one fingerprint (so the downstream sees one incident).
 */
public class Bench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static String detector = "http://127.0.0.1:8081";
    static String reporting = "http://127.0.0.1:8083";

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int alarms = Integer.parseInt(opts.getOrDefault("alarms", "200"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "20"));
        int clients = Integer.parseInt(opts.getOrDefault("clients", "8"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int batch = Integer.parseInt(opts.getOrDefault("batch", "100"));
        int webhookPort = Integer.parseInt(opts.getOrDefault("webhook-port", "18099"));
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:9092");
        Path tokens = Path.of(opts.getOrDefault("tokens", ".autopilot/tokens"));
        String intakeToken = Files.readString(tokens.resolve("intake")).trim();
        String viewerToken = Files.readString(tokens.resolve("viewer")).trim();

        System.out.printf("machine: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"));

        Map<String, Long> pagedAt = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", webhookPort), 0);
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            try {
                JsonNode page = JSON.readTree(body);
                pagedAt.putIfAbsent(findText(page, "incidentId"), now);
            } catch (IOException ignored) {
                // not a page
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();

        Map<String, Long> openedAt = new ConcurrentHashMap<>();
        Map<String, String> incidentOfAlarm = new ConcurrentHashMap<>();
        Thread watcher = new Thread(() -> watchIncidents(kafka, openedAt, incidentOfAlarm), "incidents-watcher");
        watcher.setDaemon(true);
        watcher.start();
        Thread.sleep(3000); // let the watcher join its partitions before the first alarm

        String template = Files.readString(Path.of("docs/examples/sns-cloudwatch-alarm.json"));
        List<Long> toOpened = new ArrayList<>();
        List<Long> toPaged = new ArrayList<>();
        List<Long> toTimeline = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = alarms > 0 ? -warmup : 0; i < alarms; i++) {
            String alarm = "bench-" + run + "-" + i + "-unhealthy";
            String body = snsAlarm(template, alarm);
            long start = System.nanoTime();
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(detector + "/intake/sns"))
                    .header("Authorization", "Bearer " + intakeToken).header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 202) {
                throw new IllegalStateException("intake answered " + answer.statusCode() + ": " + answer.body());
            }
            String incident = await(() -> incidentOfAlarm.get(alarm), 30);
            long timeline = awaitTimeline(incident, viewerToken, 30);
            long paged = await(() -> pagedAt.get(incident), 30);
            if (i >= 0) {
                toOpened.add(openedAt.get(incident) - start);
                toPaged.add(paged - start);
                toTimeline.add(timeline - start);
            }
        }
        if (alarms > 0) {
        System.out.printf("%nlatency over %d alarms, one at a time, after %d not counted (ms):%n", alarms, warmup);
        System.out.printf("  %-38s p50 %7.1f  p99 %7.1f  max %7.1f%n", "POST -> IncidentOpened on Kafka",
                p(toOpened, 50), p(toOpened, 99), p(toOpened, 100));
        System.out.printf("  %-38s p50 %7.1f  p99 %7.1f  max %7.1f%n", "POST -> page at the webhook",
                p(toPaged, 50), p(toPaged, 99), p(toPaged, 100));
        System.out.printf("  %-38s p50 %7.1f  p99 %7.1f  max %7.1f%n", "POST -> complete timeline (5 ms polls)",
                p(toTimeline, 50), p(toTimeline, 99), p(toTimeline, 100));
        }

        String fingerprint = "bench-intake-" + run;
        System.out.printf("%nintake, %d clients, %d s each, one fingerprint:%n", clients, seconds);
        System.out.printf("  %-38s %9.0f signals/s%n", "single signal per POST",
                intake(intakeToken, clients, seconds, 1, fingerprint));
        System.out.printf("  %-38s %9.0f signals/s%n", "batches of " + batch + " per POST",
                intake(intakeToken, clients, seconds, batch, fingerprint));
        receiver.stop(0);
        System.exit(0);
    }

    static String snsAlarm(String template, String alarm) throws IOException {
        ObjectNode envelope = (ObjectNode) JSON.readTree(template);
        ObjectNode message = (ObjectNode) JSON.readTree(envelope.get("Message").asText());
        message.put("AlarmName", alarm);
        envelope.put("MessageId", UUID.randomUUID().toString());
        envelope.put("Message", JSON.writeValueAsString(message));
        return JSON.writeValueAsString(envelope);
    }

    static double intake(String token, int clients, int seconds, int batch, String fingerprint) throws Exception {
        ArrayNode signals = JSON.createArrayNode();
        for (int i = 0; i < batch; i++) {
            signals.addObject().put("source", "bench").put("status", "firing").put("title", "bench intake")
                    .put("fingerprint", fingerprint);
        }
        String body = batch == 1 ? JSON.writeValueAsString(signals.get(0)) : JSON.writeValueAsString(signals);
        HttpRequest request = HttpRequest.newBuilder(URI.create(detector + "/intake/signals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Semaphore inFlight = new Semaphore(clients);
        AtomicLong accepted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            inFlight.acquire();
            HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null && response.statusCode() == 202) {
                    accepted.addAndGet(batch);
                } else {
                    failed.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(clients);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (failed.get() > 0) {
            System.out.printf("  (%d requests failed)%n", failed.get());
        }
        return accepted.get() / elapsed;
    }

    static void watchIncidents(String kafka, Map<String, Long> openedAt, Map<String, String> incidentOfAlarm) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka);
        props.put("group.id", "bench-" + UUID.randomUUID());
        props.put("auto.offset.reset", "latest");
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("incidents.v1"));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    var type = record.headers().lastHeader("ce_type");
                    if (type == null || !"IncidentOpened".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        continue;
                    }
                    try {
                        JsonNode event = JSON.readTree(record.value());
                        openedAt.put(event.get("incidentId").asText(), now);
                        incidentOfAlarm.put(event.get("title").asText(), event.get("incidentId").asText());
                    } catch (IOException ignored) {
                        // not ours
                    }
                }
            }
        }
    }

    static long awaitTimeline(String incident, String token, int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + "/incidents/" + incident + "/timeline"))
                .header("Authorization", "Bearer " + token).build();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long now = System.nanoTime();
            if (response.statusCode() == 200) {
                String body = response.body();
                if (body.contains("\"IncidentOpened\"") && body.contains("\"RemediationPlanned\"")
                        && body.contains("\"NotificationSent\"")) {
                    return now;
                }
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no complete timeline for " + incident + " in " + seconds + " s");
    }

    static <T> T await(java.util.function.Supplier<T> value, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < deadline) {
            T found = value.get();
            if (found != null) {
                return found;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("waited " + seconds + " s in vain; is OPS_WEBHOOK_URL pointing here?");
    }

    static String findText(JsonNode node, String field) {
        JsonNode found = node.findValue(field);
        return found == null ? "" : found.asText();
    }

    static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
