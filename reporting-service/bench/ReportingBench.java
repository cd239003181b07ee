import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.Event;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.contracts.notification.NotificationSent;
import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The reporting service's read models under load (see reporting-service/bench/README.md).
 *
 * <p>Absorption: publishes N incidents straight to Kafka, each as the services would tell it (IncidentOpened,
 * RemediationPlanned, NotificationSent, often IncidentAcknowledged and IncidentResolved), encoded by the contracts'
 * {@link EventCodec} with CloudEvents headers, and measures how fast the reporting service applies them: its
 * {@code autopilot_events_consumed_total} counters on {@code /q/metrics}, polled every 200 ms, until every
 * published event is applied (or dead-lettered, which is reported).
 *
 * <p>Queries: with what is stored, after {@code VACUUM (ANALYZE)}, p50/p90/p99/max of {@code GET /incidents}
 * (default page, filters, sorts, text searches, a deep offset), {@code GET /incidents/{id}},
 * {@code GET /incidents/{id}/timeline}, and with a tenth of the requests {@code GET /measures} and the dashboard,
 * one request at a time, after uncounted warm-up requests.
 *
 * <p>Run by run.sh next to it; the stack runs without remediation and notification, whose consumer groups are
 * moved past the bench's records afterwards.
 */
public class ReportingBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern METRIC = Pattern.compile("^(autopilot_events_\\w+_total)\\{([^}]*)}\\s+(\\S+)");
    static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /** The topics the bench writes: every stream an incident's story is told on. */
    static final List<String> TOPICS = List.of(Topics.INCIDENTS, Topics.REMEDIATIONS, Topics.NOTIFICATIONS);

    static final String[] SERVICES = {"t-developer-api", "t-developer-web", "t-developer-worker",
        "t-developer-agent-runner", "t-developer-scheduler", "t-developer-auth", "t-developer-billing",
        "t-developer-search", "t-developer-gateway", "t-developer-ingest", "t-developer-export",
        "t-developer-notifier", "t-developer-projects", "t-developer-storage", "t-developer-queue",
        "t-developer-metrics", "t-developer-admin", "t-developer-sandbox", "t-developer-registry",
        "t-developer-pipeline"};
    /** Alarm kinds and the incident type the detector gives each. */
    static final String[][] ALARMS = {{"unhealthy", "outage"}, {"5xx-rate", "degradation"},
        {"latency-p95", "degradation"}, {"cpu-high", "degradation"}, {"memory-high", "degradation"},
        {"agent-timeouts", "agent-failure"}, {"agent-errors", "agent-failure"}, {"queue-depth", "unclassified"},
        {"waf-blocked", "security"}, {"s3-deletes", "data-loss"}, {"disk-usage", "unclassified"}};

    static String reporting = "http://127.0.0.1:8083";
    static String viewerToken;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        int incidents = Integer.parseInt(opts.getOrDefault("incidents", "100000"));
        int requests = Integer.parseInt(opts.getOrDefault("requests", "300"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "50"));
        long seed = Long.parseLong(opts.getOrDefault("seed", "6"));
        String kafka = opts.getOrDefault("kafka", "127.0.0.1:9092");
        String jdbc = opts.getOrDefault("jdbc", "jdbc:postgresql://127.0.0.1:5432/reporting");
        reporting = opts.getOrDefault("reporting", reporting);
        Path tokens = Path.of(opts.getOrDefault("tokens", ".autopilot/tokens"));
        viewerToken = Files.readString(tokens.resolve("viewer")).trim();

        System.out.printf("machine: %d cores, %s, Java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name") + " "
                        + System.getProperty("os.arch"), System.getProperty("java.version"), load());

        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            System.out.printf("stored before: %,d incidents, %,d timeline entries%n", known(db), entries(db));
            if (incidents > 0) {
                absorb(kafka, incidents, seed);
                System.out.printf("stored now: %,d incidents, %,d timeline entries%n", known(db), entries(db));
            }
            if (requests > 0) {
                // the state autovacuum leaves behind a bulk load: statistics, and pages marked all-visible (which
                // index-only scans rely on)
                try (Statement vacuum = db.createStatement()) {
                    vacuum.execute("VACUUM (ANALYZE) incident_record");
                    vacuum.execute("VACUUM (ANALYZE) timeline_entry");
                }
                queries(db, requests, warmup, seed);
            }
        }
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // absorption

    static void absorb(String kafka, int incidents, long seed) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka))) {
            Map<String, Set<String>> reactors = reactors();
            refuseIfRunning(admin, reactors);
            Map<TopicPartition, Long> endsBefore = ends(admin);
            Map<String, Double> before = metrics();

            Map<String, Long> published = new LinkedHashMap<>();
            TOPICS.forEach(t -> published.put(t, 0L));
            Map<String, Long> target = new java.util.concurrent.ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            AtomicReference<Exception> failure = new AtomicReference<>();
            Random random = new Random(seed);
            Instant last = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            Instant first = last.minus(180, ChronoUnit.DAYS);
            long spanMillis = Duration.between(first, last).toMillis();

            System.out.printf("%npublishing %,d incidents (opened over the 180 days before %s) to %s ...%n",
                    incidents, last, String.join(", ", TOPICS));
            Progress progress = new Progress(before);
            long start = System.nanoTime();
            try (KafkaProducer<String, byte[]> producer = producer(kafka)) {
                Thread watcher = new Thread(() -> progress.watch(start, target), "progress");
                watcher.setDaemon(true);
                for (int i = 0; i < incidents; i++) {
                    Instant opened = first.plusMillis(spanMillis * i / incidents + random.nextInt(60_000));
                    for (Event event : story(random, incidents, opened)) {
                        String topic = Topics.streamOf(event).topic();
                        published.merge(topic, 1L, Long::sum);
                        producer.send(record(topic, event), (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            } else {
                                sent.incrementAndGet();
                            }
                        });
                    }
                    if (i == 0) {
                        watcher.start();
                    }
                }
                producer.flush();
            }
            long publishedAt = System.nanoTime();
            if (failure.get() != null) {
                throw new IllegalStateException("publishing failed: " + failure.get(), failure.get());
            }
            long events = published.values().stream().mapToLong(Long::longValue).sum();
            target.putAll(published);
            System.out.printf("published %,d events in %.1f s (%,.0f events/s): %s%n", events,
                    seconds(publishedAt - start), events / seconds(publishedAt - start), published);

            Map<String, Long> doneAt = progress.awaitAll(target);
            long done = Collections.max(doneAt.values());
            long appliedWhilePublishing = progress.appliedAt(publishedAt);
            System.out.printf("%nabsorbed %,d events of %,d incidents in %.1f s from the first send: %,.0f events/s,"
                    + " %,.0f incidents/s%n", events, incidents, seconds(done - start), events / seconds(done - start),
                    incidents / seconds(done - start));
            if (done > publishedAt && events > appliedWhilePublishing) {
                System.out.printf("  after publishing ended (%,d events left): %,.0f events/s%n",
                        events - appliedWhilePublishing,
                        (events - appliedWhilePublishing) / seconds(done - publishedAt));
            }
            for (String topic : TOPICS) {
                System.out.printf("  %-18s %,9d events, all applied %.1f s after the first send%n", topic,
                        published.get(topic), seconds(doneAt.get(topic) - start));
            }
            Map<String, Double> after = metrics();
            for (String topic : TOPICS) {
                double dead = after.getOrDefault("dead:" + topic, 0.0) - before.getOrDefault("dead:" + topic, 0.0);
                double duplicate = after.getOrDefault("duplicate:" + topic, 0.0)
                        - before.getOrDefault("duplicate:" + topic, 0.0);
                if (dead > 0 || duplicate > 0) {
                    System.out.printf("  %s: %.0f dead-lettered, %.0f duplicates%n", topic, dead, duplicate);
                }
            }
            System.out.printf("  load average now %s%n", load());
            skipForReactors(admin, reactors, endsBefore);
        }
    }

    /** One incident's story as the services tell it, in the order it happened. */
    static List<Event> story(Random random, int incidents, Instant opened) {
        // about 20 incidents per alarm over the period, as recurring alarms do
        int alarm = random.nextInt(Math.max(1, incidents / 20));
        String service = SERVICES[alarm % SERVICES.length];
        String[] kind = ALARMS[(alarm / SERVICES.length) % ALARMS.length];
        String title = String.format("%s-%s-%05d", service, kind[0], alarm);
        String id = UUID.randomUUID().toString();
        int roll = random.nextInt(100);
        Severity severity = roll < 5 ? Severity.P0 : roll < 25 ? Severity.P1 : roll < 65 ? Severity.P2 : Severity.P3;
        List<Event> events = new ArrayList<>(5);
        events.add(new IncidentOpened(id, "cloudwatch:" + title, title, severity, kind[1], service + "-production",
                Map.of("alarmName", title, "namespace", "AWS/ECS", "region", "us-east-1", "rule", kind[1],
                        "source", "cloudwatch"),
                UUID.randomUUID().toString(), opened));
        List<PlannedStep> steps = List.of(
                new PlannedStep(1, "Check the ECS service", "ecs", "DescribeServices",
                        Map.of("cluster", "t-developer-cluster-production", "services", service + "-production"),
                        false),
                new PlannedStep(2, "Force a new deployment", "ecs", "UpdateService",
                        Map.of("cluster", "t-developer-cluster-production", "service", service + "-production",
                                "forceNewDeployment", true),
                        severity == Severity.P0));
        events.add(new RemediationPlanned(UUID.randomUUID().toString(), id, kind[1], ExecutionMode.DRY_RUN, steps,
                opened.plusMillis(50 + random.nextInt(400))));
        events.add(new NotificationSent(UUID.randomUUID().toString(), id, "webhook", "DevOps Lead", 1, 1,
                opened.plusMillis(100 + random.nextInt(900))));
        boolean acknowledged = random.nextInt(100) < 60;
        if (acknowledged) {
            events.add(new IncidentAcknowledged(id, "responder", "looking into " + title,
                    opened.plusSeconds(30 + random.nextInt(900))));
        }
        if (random.nextInt(100) < 85) {
            boolean byPerson = acknowledged && random.nextBoolean();
            events.add(new IncidentResolved(id, byPerson ? "responder" : "detector",
                    byPerson ? "fixed by hand" : "all signals cleared", opened.plusSeconds(1_000 + random.nextInt(14_000))));
        }
        return events;
    }

    /** The record a service's outbox would send: the CloudEvents headers, the contracts' JSON, the subject as key. */
    static ProducerRecord<String, byte[]> record(String topic, Event event) {
        // who tells what (docs/events.md): the detector every incident event, remediation and notification their own
        String service = topic.equals(Topics.INCIDENTS) ? "detector"
                : topic.equals(Topics.REMEDIATIONS) ? "remediation" : "notification";
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(Event.typeOf(event)));
        headers.add(CloudEventHeaders.SOURCE, bytes(CloudEventHeaders.sourceOf(service)));
        headers.add(CloudEventHeaders.SUBJECT, bytes(event.subject()));
        headers.add(CloudEventHeaders.TIME, bytes(event.occurredAt().toString()));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return new ProducerRecord<>(topic, null, event.subject(), EventCodec.encode(event), headers);
    }

    static KafkaProducer<String, byte[]> producer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "reporting-bench");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Consumer groups other than reporting that read the topics the bench writes (Topics.CONSUMERS). */
    static Map<String, Set<String>> reactors() {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String topic : TOPICS) {
            for (String service : Topics.CONSUMERS.getOrDefault(topic, List.of())) {
                if (!service.equals("reporting")) {
                    groups.computeIfAbsent(service, s -> new LinkedHashSet<>()).add(topic);
                }
            }
        }
        return groups;
    }

    /** The services that would act on the bench's incidents (plans, pages) must not run. */
    static void refuseIfRunning(Admin admin, Map<String, Set<String>> reactors) throws Exception {
        Map<String, ConsumerGroupDescription> groups =
                admin.describeConsumerGroups(reactors.keySet()).all().get(30, TimeUnit.SECONDS);
        for (ConsumerGroupDescription group : groups.values()) {
            if (!group.members().isEmpty() || group.groupState() == GroupState.STABLE
                    || group.groupState() == GroupState.PREPARING_REBALANCE
                    || group.groupState() == GroupState.COMPLETING_REBALANCE) {
                throw new IllegalStateException(group.groupId() + " reads " + reactors.get(group.groupId())
                        + " and runs: it would act on every bench incident. Stop it first (run.sh does so when it"
                        + " starts the stack itself).");
            }
        }
    }

    /**
     * Moves the stopped services' consumer groups past the bench's records, so that they do not plan and page
     * for 100,000 made-up incidents when they next start; only where they had read everything before the bench.
     */
    static void skipForReactors(Admin admin, Map<String, Set<String>> reactors, Map<TopicPartition, Long> endsBefore)
            throws Exception {
        Map<TopicPartition, Long> endsAfter = ends(admin);
        Map<TopicPartition, Long> starts = offsets(admin, OffsetSpec.earliest());
        for (Map.Entry<String, Set<String>> reactor : reactors.entrySet()) {
            String group = reactor.getKey();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> moves = new HashMap<>();
            List<TopicPartition> behind = new ArrayList<>();
            for (TopicPartition partition : endsAfter.keySet()) {
                if (!reactor.getValue().contains(partition.topic())) {
                    continue;
                }
                OffsetAndMetadata at = committed.get(partition);
                long position = at != null ? at.offset() : starts.get(partition);
                if (position >= endsBefore.get(partition)) {
                    if (endsAfter.get(partition) > position) {
                        moves.put(partition, new OffsetAndMetadata(endsAfter.get(partition), "skipped by reporting bench"));
                    }
                } else {
                    behind.add(partition);
                }
            }
            if (!moves.isEmpty()) {
                admin.alterConsumerGroupOffsets(group, moves).all().get(30, TimeUnit.SECONDS);
            }
            System.out.printf("  consumer group %s moved past the bench's records on %d partitions of %s%s%n", group,
                    moves.size(), reactor.getValue(), behind.isEmpty() ? ""
                            : "; it was behind before the bench on " + behind + " and will read the bench's records");
        }
    }

    static Map<TopicPartition, Long> ends(Admin admin) throws Exception {
        return offsets(admin, OffsetSpec.latest());
    }

    static Map<TopicPartition, Long> offsets(Admin admin, OffsetSpec spec) throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).forEach((topic, description) ->
                description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), spec)));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listOffsets(request).all().get(30, TimeUnit.SECONDS)
                .forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** The reporting service's counters: applied:<topic>, duplicate:<topic>, dead:<topic>. */
    static Map<String, Double> metrics() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(reporting + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/q/metrics answered " + response.statusCode());
        }
        Map<String, Double> values = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher metric = METRIC.matcher(line);
            if (!metric.find()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            Matcher label = LABEL.matcher(metric.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            double value = Double.parseDouble(metric.group(3));
            if (metric.group(1).equals("autopilot_events_consumed_total")) {
                values.merge(labels.get("outcome") + ":" + labels.get("consumer"), value, Double::sum);
            } else if (metric.group(1).equals("autopilot_events_dead_lettered_total")) {
                values.merge("dead:" + labels.get("topic"), value, Double::sum);
            }
        }
        return values;
    }

    /** Polls the counters; remembers when each topic's events were all applied (or dead-lettered). */
    static final class Progress {
        private final Map<String, Double> baseline;
        private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>()); // {nanos, applied}
        private final Map<String, Long> doneAt = new java.util.concurrent.ConcurrentHashMap<>();
        private volatile Map<String, Long> target;
        private volatile Exception failure;

        Progress(Map<String, Double> baseline) {
            this.baseline = baseline;
        }

        void watch(long start, Map<String, Long> target) {
            long lastPrint = start;
            long lastApplied = 0;
            long lastChange = System.nanoTime();
            long previous = -1;
            try {
                while (true) {
                    Map<String, Double> now = metrics();
                    long t = System.nanoTime();
                    long total = 0;
                    for (String topic : TOPICS) {
                        long applied = applied(now, topic);
                        total += applied;
                        Long wanted = target.get(topic);
                        if (wanted != null && applied >= wanted) {
                            doneAt.putIfAbsent(topic, t);
                        }
                    }
                    samples.add(new long[] {t, total});
                    if (total != previous) {
                        previous = total;
                        lastChange = t;
                    } else if (t - lastChange > TimeUnit.SECONDS.toNanos(120)) {
                        throw new IllegalStateException("no event applied for 120 s; see .autopilot/logs/reporting.log");
                    }
                    if (t - lastPrint >= TimeUnit.SECONDS.toNanos(10)) {
                        System.out.printf("  %5.0f s: %,9d applied, %,6.0f events/s over the last %.0f s; load %s%n",
                                seconds(t - start), total, (total - lastApplied) / seconds(t - lastPrint),
                                seconds(t - lastPrint), load());
                        lastPrint = t;
                        lastApplied = total;
                    }
                    if (!target.isEmpty() && doneAt.keySet().containsAll(TOPICS)) {
                        return;
                    }
                    Thread.sleep(200);
                }
            } catch (Exception e) {
                failure = e;
            }
        }

        private long applied(Map<String, Double> now, String topic) {
            double value = 0;
            for (String key : List.of("applied:" + topic, "dead:" + topic)) {
                value += now.getOrDefault(key, 0.0) - baseline.getOrDefault(key, 0.0);
            }
            return Math.round(value);
        }

        Map<String, Long> awaitAll(Map<String, Long> target) throws Exception {
            while (!doneAt.keySet().containsAll(target.keySet())) {
                if (failure != null) {
                    throw failure;
                }
                Thread.sleep(100);
            }
            return doneAt;
        }

        /** Events applied by the sample nearest before that instant. */
        long appliedAt(long nanos) {
            long applied = 0;
            synchronized (samples) {
                for (long[] sample : samples) {
                    if (sample[0] <= nanos) {
                        applied = sample[1];
                    }
                }
            }
            return applied;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // queries

    /** A request to time; {@code share} of the requests (and warm-up) for the slow pages. */
    record Case(String name, Supplier<String> path, double share) {
        Case(String name, Supplier<String> path) {
            this(name, path, 1);
        }
    }

    static void queries(Connection db, int requests, int warmup, long seed) throws Exception {
        Random random = new Random(seed);
        long stored = known(db);
        List<String> ids = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        List<String> services = new ArrayList<>();
        try (Statement sample = db.createStatement();
                ResultSet rows = sample.executeQuery("SELECT id, title, service FROM incident_record"
                        + " WHERE opened_at IS NOT NULL ORDER BY random() LIMIT 1000")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
                titles.add(rows.getString(2));
                services.add(rows.getString(3));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no incident stored: run with --incidents N first");
        }
        String monthAgo = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        int deep = (int) Math.max(0, stored * 9 / 10);
        List<Case> cases = List.of(
                new Case("list: default page (newest 50)", () -> "/incidents"),
                new Case("list: status=OPEN&severity=P1", () -> "/incidents?status=OPEN&severity=P1"),
                new Case("list: service=…&from=30 days ago", () -> "/incidents?service="
                        + encode(pick(random, services)) + "&from=" + monthAgo),
                new Case("list: type=security (no index on type)", () -> "/incidents?type=security"),
                new Case("list: sort=-resolvedAt", () -> "/incidents?sort=-resolvedAt"),
                new Case("list: sort=-severity", () -> "/incidents?sort=-severity"),
                new Case("list: sort=type", () -> "/incidents?sort=type"),
                new Case("list: text=<one alarm> (~20 matches)", () -> "/incidents?text=" + encode(pick(random, titles))),
                new Case("list: text=latency (1 in 11 matches)", () -> "/incidents?text=latency"),
                new Case("list: text=<nothing matches>", () -> "/incidents?text=no-such-alarm-" + random.nextInt(1000)),
                new Case(String.format("list: offset=%,d", deep), () -> "/incidents?offset=" + deep),
                new Case("GET /incidents/{id}", () -> "/incidents/" + pick(random, ids)),
                new Case("GET /incidents/{id}/timeline", () -> "/incidents/" + pick(random, ids) + "/timeline"),
                new Case("GET /measures (28 days)", () -> "/measures", 0.1),
                new Case("GET / (dashboard)", () -> "/", 0.1));

        System.out.printf("%nqueries with %,d incidents (%,d timeline entries) stored, one at a time, %d each after"
                + " %d not counted (ms); load average %s%n", stored, entries(db), requests, warmup, load());
        System.out.printf("  %-42s %7s %7s %7s %7s %6s%n", "request", "p50", "p90", "p99", "max", "rows");
        for (Case c : cases) {
            int counted = Math.max(1, (int) Math.round(requests * c.share()));
            List<Long> nanos = new ArrayList<>(counted);
            long rows = 0;
            for (int i = -Math.max(1, (int) Math.round(warmup * c.share())); i < counted; i++) {
                String path = c.path().get();
                HttpRequest request = HttpRequest.newBuilder(URI.create(reporting + path))
                        .header("Authorization", "Bearer " + viewerToken)
                        .timeout(Duration.ofSeconds(30)).build();
                long start = System.nanoTime();
                HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                long took = System.nanoTime() - start;
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                            + new String(response.body(), StandardCharsets.UTF_8));
                }
                if (i >= 0) {
                    nanos.add(took);
                    String type = response.headers().firstValue("Content-Type").orElse("");
                    JsonNode body = type.contains("json") ? JSON.readTree(response.body()) : null;
                    rows += body != null && body.isArray() ? body.size() : 1;
                }
            }
            System.out.printf("  %-42s %7.1f %7.1f %7.1f %7.1f %6.1f%s%n", c.name(), p(nanos, 50), p(nanos, 90),
                    p(nanos, 99), p(nanos, 100), (double) rows / counted,
                    counted == requests ? "" : "  (" + counted + " requests)");
        }
        System.out.printf("  load average now %s%n", load());
    }

    // ---------------------------------------------------------------------------------------------------------

    static long known(Connection db) throws SQLException {
        return count(db, "SELECT count(*) FROM incident_record WHERE opened_at IS NOT NULL");
    }

    static long entries(Connection db) throws SQLException {
        return count(db, "SELECT count(*) FROM timeline_entry");
    }

    static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return "?";
        }
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double p(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
