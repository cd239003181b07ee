import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Figures of the notification service alone (see notification-service/bench/README.md): latency from an
 * IncidentOpened written to incidents.v1 to the first page at this program's webhook receiver, one incident at a
 * time; then a storm of incidents written at once, and the pages delivered per second while it drains.
 */
public class NotificationBench {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int incidents = Integer.parseInt(opts.getOrDefault("incidents", "300"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
        int storm = Integer.parseInt(opts.getOrDefault("storm", "2000"));
        int port = Integer.parseInt(opts.getOrDefault("receiver-port", "18098"));
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:19092");

        System.out.printf("machine: %d cores, %s %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"));

        Map<String, CountDownLatch> waiting = new ConcurrentHashMap<>();
        Map<String, Long> firstPageAt = new ConcurrentHashMap<>();
        java.util.Queue<Map.Entry<String, Long>> deliveries = new java.util.concurrent.ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            long now = System.nanoTime();
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            JsonNode page = JSON.readTree(body);
            String incidentId = page.path("incidentId").asText();
            deliveries.add(Map.entry(incidentId, now));
            if (firstPageAt.putIfAbsent(incidentId, now) == null) {
                CountDownLatch latch = waiting.get(incidentId);
                if (latch != null) {
                    latch.countDown();
                }
            }
        });
        receiver.start();

        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new ByteArraySerializer())) {
            List<Double> latencies = new ArrayList<>();
            for (int i = 0; i < warmup + incidents; i++) {
                String id = UUID.randomUUID().toString();
                CountDownLatch latch = new CountDownLatch(1);
                waiting.put(id, latch);
                long start = System.nanoTime();
                producer.send(record(id, "P0", "outage")).get();
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("incident " + id + " was not paged within 30 s");
                }
                if (i >= warmup) {
                    latencies.add((firstPageAt.get(id) - start) / 1e6);
                }
            }
            Collections.sort(latencies);
            System.out.printf("latency IncidentOpened on Kafka -> first page at the receiver, %d incidents one at a "
                    + "time (after %d not counted): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", incidents, warmup,
                    percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));

            java.util.Set<String> stormIds = new java.util.HashSet<>();
            long stormStart = System.nanoTime();
            for (int i = 0; i < storm; i++) {
                String id = UUID.randomUUID().toString();
                stormIds.add(id);
                producer.send(record(id, "P2", "agent-failure"));
            }
            producer.flush();
            long written = System.nanoTime();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
            List<Long> stormPages = new ArrayList<>();
            while (stormPages.size() < storm && System.nanoTime() < deadline) {
                Thread.sleep(20);
                stormPages = deliveries.stream().filter(d -> stormIds.contains(d.getKey())).map(Map.Entry::getValue)
                        .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            }
            Collections.sort(stormPages);
            double seconds = (stormPages.get(stormPages.size() - 1) - stormPages.get(0)) / 1e9;
            System.out.printf("storm: %d incidents written in %.2f s; %d pages delivered in %.2f s from the first to "
                    + "the last: %.0f deliveries/s (%.2f s from the first write to the last page)%n", storm,
                    (written - stormStart) / 1e9, stormPages.size(), seconds, (stormPages.size() - 1) / seconds,
                    (stormPages.get(stormPages.size() - 1) - stormStart) / 1e9);
        } finally {
            receiver.stop(0);
            System.exit(0);
        }
    }

    static ProducerRecord<String, byte[]> record(String id, String severity, String type) throws Exception {
        Instant now = Instant.now();
        Map<String, Object> event = new java.util.LinkedHashMap<>();
        event.put("incidentId", id);
        event.put("fingerprint", "bench:" + id);
        event.put("title", "bench " + id);
        event.put("severity", severity);
        event.put("type", type);
        event.put("service", "t-developer-service-production");
        event.put("labels", Map.of("source", "bench"));
        event.put("signalId", UUID.randomUUID().toString());
        event.put("openedAt", now.toString());
        RecordHeaders headers = new RecordHeaders();
        Map<String, String> ce = Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(),
                "ce_type", "IncidentOpened", "ce_source", "/autopilot/bench", "ce_subject", id,
                "ce_time", now.toString(), "content-type", "application/json");
        ce.forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
        return new ProducerRecord<>("incidents.v1", null, id, JSON.writeValueAsBytes(event), headers);
    }

    static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
