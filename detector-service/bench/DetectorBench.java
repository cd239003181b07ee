import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
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
 * The detector's figures on a running stack (./autopilot up); see detector-service/bench/README.md.
 * 1. Intake rate of Prometheus-format posts: batches of 1 and of 100, unique alerts and a duplicate storm.
 * 2. A duplicate storm of N posts of one alert: posts/s, then how long until the incident has counted them all,
 *    and what it cost in stored rows (incidents, conditions, evidence).
 * 3. Latency from a signal's POST to IncidentOpened on incidents.v1, one at a time.
 */
public class DetectorBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Instant START = Instant.now().minusSeconds(30);
    static String detector = "http://127.0.0.1:8081";
    static String intakeToken;
    static String viewerToken;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int clients = Integer.parseInt(opts.getOrDefault("clients", "16"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "10"));
        int storm = Integer.parseInt(opts.getOrDefault("storm", "100000"));
        int latencyCount = Integer.parseInt(opts.getOrDefault("latency", "200"));
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:9092");
        Path tokens = Path.of(opts.getOrDefault("tokens", ".autopilot/tokens"));
        intakeToken = Files.readString(tokens.resolve("intake")).trim();
        viewerToken = Files.readString(tokens.resolve("viewer")).trim();
        List<String> phases = List.of(opts.getOrDefault("phases", "intake,storm,latency").split(","));
        String run = UUID.randomUUID().toString().substring(0, 8);
        System.out.printf("machine: %d cores, %s %s, Java %s; %d clients%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"), clients);

        if (phases.contains("intake")) {
            System.out.printf("%nwarm-up: %d s of single posts (not counted)%n", seconds);
            Rate warmUp = post(clients, seconds, 1, true, "bench-" + run + "-warm-up");
            awaitCounted("bench-" + run + "-warm-up", warmUp.accepted(), warmUp.startedNanos());

            System.out.printf("%nPrometheus-format intake, %d s each (POST /intake/prometheus/api/v2/alerts); accepted: the%n"
                    + "answers (each once the alerts are on Kafka); applied: until the incidents have counted every one%n", seconds);
            for (int batch : new int[] {1, 100}) {
                for (boolean unique : new boolean[] {true, false}) {
                    String service = "bench-" + run + "-" + batch + (unique ? "u" : "d");
                    Rate rate = post(clients, seconds, batch, unique, service);
                    double applied = awaitCounted(service, rate.accepted(), rate.startedNanos());
                    System.out.printf("  batches of %-4d %-14s accepted %6.0f alerts/s, applied %6.0f alerts/s  (%d posts refused 429, retried)%n",
                            batch, unique ? "unique alerts" : "re-sends", rate.perSecond(), rate.accepted() / applied,
                            rate.throttled());
                }
            }
        }
        if (phases.contains("storm")) {
            String stormService = "bench-storm-" + run;
            System.out.printf("%nduplicate storm: %d posts of one alert (re-sends, each with a later endsAt), one per POST:%n",
                    storm);
            Rate posted = postCount(clients, storm, stormService);
            double postSeconds = (System.nanoTime() - posted.startedNanos()) / 1e9;
            double drainedSeconds = awaitCounted(stormService, posted.accepted(), posted.startedNanos());
            List<Map<String, Object>> incidents = incidentsOf(stormService);
            String id = incidents.isEmpty() ? null : (String) incidents.get(0).get("id");
            int conditions = id == null ? 0 : ((List<?>) get("/incidents/" + id).get("conditions")).size();
            int evidence = id == null ? 0 : getList("/signals?incidentId=" + id + "&limit=1000").size();
            System.out.printf("  posted in %.1f s: %.0f posts/s (%d refused 429, retried)%n", postSeconds, storm / postSeconds,
                    posted.throttled());
            System.out.printf("  all %d counted %.1f s after the first post: %.0f signals/s end to end%n", posted.accepted(),
                    drainedSeconds, posted.accepted() / drainedSeconds);
            System.out.printf("  stored: %d incident(s), %d condition(s), %d evidence row(s)%n", incidents.size(), conditions,
                    evidence);
        }
        if (phases.contains("latency")) {
            System.out.printf("%nsignal -> IncidentOpened, %d signals one at a time, 250 ms apart (new service each, 20 not counted):%n",
                    latencyCount);
            Map<String, Long> opened = new ConcurrentHashMap<>();
            Map<String, Long> produced = new ConcurrentHashMap<>();
            Thread watcher = new Thread(() -> watch(kafka, opened, produced), "watcher");
            watcher.setDaemon(true);
            watcher.start();
            Thread.sleep(3000);
            List<Long> latencies = new ArrayList<>();
            List<Long> toBroker = new ArrayList<>();
            for (int i = -20; i < latencyCount; i++) {
                String service = "bench-latency-" + run + "-" + i;
                String body = JSON.writeValueAsString(Map.of("source", "bench", "status", "firing", "title", service,
                        "service", service, "severity", "P3", "type", "bench"));
                long t0 = System.nanoTime();
                long t0Millis = System.currentTimeMillis();
                send("/intake/signals", body);
                long deadline = t0 + Duration.ofSeconds(30).toNanos();
                while (!opened.containsKey(service) && System.nanoTime() < deadline) {
                    Thread.sleep(0, 200_000);
                }
                if (i >= 0 && opened.containsKey(service)) {
                    latencies.add(opened.get(service) - t0);
                    toBroker.add((produced.get(service) - t0Millis) * 1_000_000);
                }
                Thread.sleep(250); // the other services page and plan for each incident; let them finish first
            }
            Collections.sort(latencies);
            Collections.sort(toBroker);
            System.out.printf("  to IncidentOpened on the broker (record timestamp, ms resolution): p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    p(toBroker, 50), p(toBroker, 99), p(toBroker, 100));
            System.out.printf("  to a consumer reading it:                                        p50 %.1f ms  p99 %.1f ms  max %.1f ms%n",
                    p(latencies, 50), p(latencies, 99), p(latencies, 100));
        }
        System.exit(0);
    }

    record Rate(double perSecond, long throttled, long accepted, long startedNanos) {
    }

    /** Waits until the incidents of the service have counted {@code expected} signals; seconds since {@code since}. */
    static double awaitCounted(String service, long expected, long since) throws Exception {
        long counted = 0;
        while (counted < expected && (System.nanoTime() - since) / 1e9 < 900) {
            Thread.sleep(100);
            counted = incidentsOf(service).stream().mapToLong(i -> ((Number) i.get("signalCount")).longValue()).sum();
        }
        if (counted < expected) {
            throw new IllegalStateException(service + ": " + counted + " of " + expected + " counted after 900 s");
        }
        return (System.nanoTime() - since) / 1e9;
    }

    static Rate post(int clients, int seconds, int batch, boolean unique, String prefix) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        AtomicLong sequence = new AtomicLong();
        Semaphore slots = new Semaphore(clients);
        long start = System.nanoTime();
        long end = start + Duration.ofSeconds(seconds).toNanos();
        while (System.nanoTime() < end) {
            slots.acquire();
            String body = alerts(batch, unique, prefix, sequence);
            sendAsync("/intake/prometheus/api/v2/alerts", body, batch, accepted, throttled, slots);
        }
        slots.acquire(clients);
        return new Rate(accepted.get() / ((System.nanoTime() - start) / 1e9), throttled.get(), accepted.get(), start);
    }

    static Rate postCount(int clients, int posts, String service) throws Exception {
        AtomicLong accepted = new AtomicLong();
        AtomicLong throttled = new AtomicLong();
        Semaphore slots = new Semaphore(clients);
        long start = System.nanoTime();
        Instant startsAt = Instant.now().minusSeconds(10);
        Instant endsAt = Instant.now().plusSeconds(3600);
        for (int i = 0; i < posts; i++) {
            slots.acquire();
            // a re-send, as Prometheus makes each evaluation: same alert, later endsAt
            String body = JSON.writeValueAsString(List.of(alert("BenchStorm", service, startsAt, endsAt.plusMillis(i))));
            sendAsync("/intake/prometheus/api/v2/alerts", body, 1, accepted, throttled, slots);
        }
        slots.acquire(clients);
        return new Rate(accepted.get() / ((System.nanoTime() - start) / 1e9), throttled.get(), accepted.get(), start);
    }

    static String alerts(int batch, boolean unique, String prefix, AtomicLong sequence) throws Exception {
        ArrayNode alerts = JSON.createArrayNode();
        Instant now = Instant.now();
        for (int i = 0; i < batch; i++) {
            long n = sequence.incrementAndGet();
            // unique: a new alert each; duplicate: re-sends of one alert, each with a later endsAt as Prometheus sends
            String name = unique ? prefix + "-" + n : prefix;
            alerts.add(alert(name, prefix, START, now.plusSeconds(240).plusNanos(n)));
        }
        return JSON.writeValueAsString(alerts);
    }

    static ObjectNode alert(String name, String service, Instant startsAt, Instant endsAt) {
        ObjectNode alert = JSON.createObjectNode();
        alert.putObject("labels").put("alertname", name).put("service", service).put("severity", "warning");
        alert.putObject("annotations").put("summary", "bench alert");
        alert.put("startsAt", startsAt.toString()).put("endsAt", endsAt.toString())
                .put("generatorURL", "http://prometheus.example/graph");
        return alert;
    }

    /** Posts; a 429 is retried after its Retry-After, as Prometheus does. */
    static void sendAsync(String path, String body, int count, AtomicLong accepted, AtomicLong throttled, Semaphore slots) {
        HTTP.sendAsync(request(path, body), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error == null && response.statusCode() == 429) {
                throttled.incrementAndGet();
                long wait = response.headers().firstValueAsLong("Retry-After").orElse(1);
                try {
                    Thread.sleep(wait * 1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                sendAsync(path, body, count, accepted, throttled, slots);
                return;
            }
            if (error == null && response.statusCode() / 100 == 2) {
                accepted.addAndGet(count);
            }
            slots.release();
        });
    }

    static void send(String path, String body) throws Exception {
        HttpResponse<String> answer = HTTP.send(request(path, body), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() / 100 != 2) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
    }

    static HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(detector + path)).header("Authorization", "Bearer " + intakeToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    static List<Map<String, Object>> incidentsOf(String service) throws Exception {
        return getList("/incidents?service=" + service + "&limit=500");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> getList(String path) throws Exception {
        return JSON.readValue(getText(path), List.class);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> get(String path) throws Exception {
        return JSON.readValue(getText(path), Map.class);
    }

    static String getText(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(detector + path)).header("Authorization", "Bearer " + viewerToken)
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Notes when each service's IncidentOpened is read, and the record's timestamp (when the relay produced it). */
    static void watch(String kafka, Map<String, Long> opened, Map<String, Long> produced) {
        Properties props = new Properties();
        props.put("bootstrap.servers", kafka);
        props.put("group.id", "bench-" + UUID.randomUUID());
        props.put("auto.offset.reset", "latest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("incidents.v1"));
            while (true) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    var type = record.headers().lastHeader("ce_type");
                    if (type != null && "IncidentOpened".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                        try {
                            JsonNode event = JSON.readTree(record.value());
                            produced.putIfAbsent(event.path("service").asText(), record.timestamp());
                            opened.putIfAbsent(event.path("service").asText(), now);
                        } catch (Exception ignored) {
                            // not ours
                        }
                    }
                }
            }
        }
    }

    static double p(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
