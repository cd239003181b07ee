package dev.autopilot.detector.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.autopilot.contracts.CloudEventHeaders;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEvent;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.incident.IncidentResolved;
import dev.autopilot.support.outbox.Outbox;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The outbox's guarantee, through the real {@link Outbox} and relay against a real PostgreSQL and Kafka broker:
 * an event reaches its topic if and only if the transaction that wrote it commits, once, in the order written,
 * with the CloudEvents headers; the relay then removes it from the outbox and the readiness check counts what
 * is still waiting.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class OutboxGuaranteeTest {

    /** The relay's PostgreSQL advisory lock (OutboxRelay.RELAY_LOCK): whoever holds it is "the replica relaying". */
    private static final long RELAY_LOCK = 0x6F7574626F78L;

    private static final Duration RELAYED_WITHIN = Duration.ofSeconds(20);

    @Inject
    Outbox outbox;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String dbUser;

    @ConfigProperty(name = "quarkus.datasource.password")
    String dbPassword;

    @Test
    void anEventOfARolledBackTransactionIsNeverSentAndALaterCommittedOneIs() {
        String abandonedIncident = UUID.randomUUID().toString();
        AtomicReference<String> abandonedId = new AtomicReference<>();
        AtomicReference<Long> rowsInsideTheTransaction = new AtomicReference<>();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            abandonedId.set(outbox.append(opened(abandonedIncident, Instant.now())));
            rowsInsideTheTransaction.set(outboxRows(abandonedId.get()));
            throw new Abandoned();
        })).isInstanceOf(Abandoned.class);

        assertThat(rowsInsideTheTransaction.get()).as("the append wrote its row in the caller's transaction")
                .isEqualTo(1L);
        assertThat(outboxRows(abandonedId.get())).as("the rollback took the outbox row with it").isZero();

        String committedIncident = UUID.randomUUID().toString();
        String committedId = QuarkusTransaction.requiringNew()
                .call(() -> outbox.append(opened(committedIncident, Instant.now())));

        TopicReader topics = new TopicReader(kafka);
        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> recordsKeyed(topics, committedIncident), records -> !records.isEmpty());
        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> outboxRows(committedId) == 0);

        List<ConsumerRecord<String, byte[]>> all = topics.records(Topics.INCIDENTS);
        assertThat(all).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID))
                .contains(committedId)
                .doesNotContain(abandonedId.get());
        assertThat(all).extracting(ConsumerRecord::key).doesNotContain(abandonedIncident);
    }

    @Test
    void eventsCommittedTogetherArriveInOrderOnceEachWithTheirCloudEventsHeaders() {
        String incident = UUID.randomUUID().toString();
        // ce_time is read back from a TIMESTAMPTZ column (microseconds), so these times are whole milliseconds
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<IncidentEvent> written = List.of(
                opened(incident, at),
                new IncidentAcknowledged(incident, "responder-" + incident, "looking", at.plusSeconds(1)),
                new IncidentResolved(incident, "responder-" + incident, "fixed", at.plusSeconds(2)));

        List<String> ids = QuarkusTransaction.requiringNew().call(() -> {
            List<String> appended = new ArrayList<>(outbox.appendAll(written.subList(0, 2)));
            appended.add(outbox.append(written.get(2)));
            return appended;
        });

        TopicReader topics = new TopicReader(kafka);
        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> recordsKeyed(topics, incident), records -> records.size() >= written.size());
        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> ids.stream().mapToLong(this::outboxRows).sum() == 0);
        // the relay has deleted them: nothing of this incident can be sent again, so the topic is final
        List<ConsumerRecord<String, byte[]>> sent = recordsKeyed(topics, incident);

        assertThat(sent).hasSize(written.size());
        assertThat(sent).extracting(ConsumerRecord::partition).containsOnly(sent.get(0).partition());
        assertThat(sent).extracting(ConsumerRecord::offset).isSorted();
        for (int i = 0; i < written.size(); i++) {
            IncidentEvent event = written.get(i);
            ConsumerRecord<String, byte[]> record = sent.get(i);
            assertThat(headers(record)).as("headers of record %d", i).containsExactlyInAnyOrderEntriesOf(Map.of(
                    CloudEventHeaders.SPEC_VERSION, "1.0",
                    CloudEventHeaders.ID, ids.get(i),
                    CloudEventHeaders.TYPE, event.getClass().getSimpleName(),
                    CloudEventHeaders.SOURCE, "/autopilot/detector",
                    CloudEventHeaders.SUBJECT, incident,
                    CloudEventHeaders.TIME, event.occurredAt().toString(),
                    CloudEventHeaders.CONTENT_TYPE, "application/json"));
            assertThat(EventCodec.decode(record.value(), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void whatWaitsInTheOutboxIsCountedByTheReadinessCheckAndGoneOnceRelayed() throws SQLException {
        String incident = UUID.randomUUID().toString();
        TopicReader topics = new TopicReader(kafka);
        String id;
        try (Connection otherReplica = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
            holdRelayLock(otherReplica);

            id = QuarkusTransaction.requiringNew().call(() -> outbox.append(opened(incident, Instant.now())));

            assertThat(outboxRows(id)).as("committed, waiting for the relay").isEqualTo(1L);
            Map<String, Object> waiting = outboxCheck();
            assertThat(waiting).containsEntry("status", "UP");
            assertThat(data(waiting, "pending")).isGreaterThanOrEqualTo(1L);
            assertThat(data(waiting, "oldestSeconds")).isGreaterThanOrEqualTo(0L);
            assertThat(recordsKeyed(topics, incident)).as("nothing is sent while another relay holds the lock")
                    .isEmpty();
        }
        // closing the connection released the lock

        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> outboxRows(id) == 0);
        assertThat(recordsKeyed(topics, incident)).extracting(r -> TopicReader.header(r, CloudEventHeaders.ID))
                .containsExactly(id);
        await().atMost(RELAYED_WITHIN).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Object> drained = outboxCheck();
            assertThat(drained).containsEntry("status", "UP");
            assertThat(data(drained, "pending")).isZero();
        });
    }

    private static IncidentOpened opened(String incidentId, Instant at) {
        return new IncidentOpened(incidentId, "fp-" + incidentId, "outbox test " + incidentId, Severity.P3,
                "unclassified", "outbox-test", Map.of("test", "outbox"), UUID.randomUUID().toString(), at);
    }

    /** The outbox rows of an event id, as the connection of the current transaction (if any) sees them. */
    private long outboxRows(String eventId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE event_id = ?")) {
            count.setObject(1, UUID.fromString(eventId));
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the relay's lock for the connection's session, waiting out a batch the relay may be sending now. */
    private static void holdRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            lock.execute();
        }
    }

    private static List<ConsumerRecord<String, byte[]>> recordsKeyed(TopicReader topics, String key) {
        return topics.records(Topics.INCIDENTS).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static Map<String, String> headers(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        record.headers().forEach(h -> headers.put(h.key(), TopicReader.header(record, h.key())));
        return headers;
    }

    /** The "outbox relay" entry of the readiness check. */
    private static Map<String, Object> outboxCheck() {
        Map<String, Object> check = given().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'outbox relay' }");
        assertThat(check).as("the readiness check has an outbox relay entry").isNotNull();
        return check;
    }

    @SuppressWarnings("unchecked")
    private static long data(Map<String, Object> check, String key) {
        Map<String, Object> data = (Map<String, Object>) check.get("data");
        assertThat(data).as("data of the outbox check").containsKey(key);
        return ((Number) data.get(key)).longValue();
    }

    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("the state change failed after the event was written");
        }
    }
}
