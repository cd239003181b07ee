package dev.autopilot.notification.escalation;

import static dev.autopilot.notification.Pages.awaitMarker;
import static dev.autopilot.notification.Pages.awaitNotifications;
import static dev.autopilot.notification.Pages.awaitOnly;
import static dev.autopilot.notification.Pages.incident;
import static dev.autopilot.notification.Pages.notificationsOf;
import static dev.autopilot.notification.Pages.publish;
import static dev.autopilot.notification.Pages.published;
import static dev.autopilot.notification.Pages.received;
import static dev.autopilot.notification.Pages.snsAccepts;
import static dev.autopilot.notification.Pages.to;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.Topics;
import dev.autopilot.contracts.incident.IncidentAcknowledged;
import dev.autopilot.contracts.incident.IncidentEscalated;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.contracts.notification.EscalationStepReached;
import dev.autopilot.contracts.notification.NotificationSuppressed;
import dev.autopilot.notification.ChannelPeersResource;
import dev.autopilot.notification.InjectChannelPeer;
import dev.autopilot.notification.Pages;
import dev.autopilot.notification.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The runbook's escalation table on a controlled clock: the P1 step at 15 minutes, acknowledgement before it, the
 * DevOps Lead standing in outside hours, and the data-loss customer notice that waits for approval.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
@WithTestResource(ChannelPeersResource.class)
class EscalationTest {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @InjectChannelPeer
    WireMockServer peers;

    @InjectChannelPeer
    GreenMail smtp;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    StepTimerWorker timers;

    @Inject
    StepTimerRepository steps;

    @BeforeEach
    void snsAnswers() {
        snsAccepts(aws);
    }

    @AfterEach
    void letTimeRun() {
        clock.unfreeze();
    }

    @Test
    void theP1StepPagesTheBackendLeadAtFifteenMinutesAndNotBefore() {
        TopicReader topics = new TopicReader(kafka);
        Instant opened = clock.next(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), SEOUL);
        clock.freezeAt(opened);
        IncidentOpened incident = incident(Severity.P1, "degradation");
        String id = incident.incidentId();

        publish(topics, incident);
        assertThat(Pages.contactOf(awaitOnly(id, "SENT"))).isEqualTo("ops-channel");

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        timers.worker().wake();
        awaitMarker(topics);
        assertThat(notificationsOf(id)).hasSize(1);
        assertThat(published(aws, id)).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        timers.worker().wake();
        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 2
                && to(list, "backend-lead").stream().anyMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(to(notifications, "backend-lead")).singleElement().satisfies(page -> assertThat(page)
                .containsEntry("channel", "sns").containsEntry("escalationStep", 2).containsEntry("policy", "p1")
                .containsEntry("kind", "PAGE"));
        assertThat(published(aws, id)).hasSize(1);
        List<EscalationStepReached> steps = Pages.awaitEvents(topics, EscalationStepReached.class, id, 2);
        assertThat(steps).extracting(EscalationStepReached::step, EscalationStepReached::contacts,
                EscalationStepReached::reachedAt).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(1, List.of("#t-developer-ops"), opened),
                        org.assertj.core.groups.Tuple.tuple(2, List.of("Lee Baekend"),
                                opened.plus(Duration.ofMinutes(15))));
    }

    @Test
    void anAcknowledgementAtFourteenFiftyNineCancelsTheStepForGood() {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.next(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), SEOUL));
        IncidentOpened incident = incident(Severity.P1, "degradation");
        String id = incident.incidentId();
        publish(topics, incident);
        awaitOnly(id, "SENT");

        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        publish(topics, new IncidentAcknowledged(id, "responder", "on it", clock.instant()));
        awaitMarker(topics);
        clock.advance(Duration.ofSeconds(1));
        timers.worker().wake();
        awaitMarker(topics);
        clock.advance(Duration.ofHours(2));
        timers.worker().wake();
        awaitMarker(topics);

        assertThat(notificationsOf(id)).singleElement().satisfies(n -> assertThat(Pages.contactOf(n))
                .isEqualTo("ops-channel"));
        assertThat(published(aws, id)).isEmpty();
        assertThat(topics.events(Topics.NOTIFICATIONS, EscalationStepReached.class))
                .filteredOn(e -> e.incidentId().equals(id)).extracting(EscalationStepReached::step).containsExactly(1);
    }

    @Test
    void aP2EscalatedToP0PagesTheP0PolicyAndTheP2StepPendingAtThirtyMinutesNeverFires() {
        TopicReader topics = new TopicReader(kafka);
        Instant opened = clock.next(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), SEOUL);
        clock.freezeAt(opened);
        IncidentOpened incident = incident(Severity.P2, "degradation");
        String id = incident.incidentId();
        publish(topics, incident);
        assertThat(awaitOnly(id, "SENT")).containsEntry("channel", "slack").containsEntry("policy", "p2");

        clock.advance(Duration.ofMinutes(10));
        Instant escalated = clock.instant();
        publish(topics, new IncidentEscalated(id, Severity.P2, Severity.P0, "outage", "error rate 100%",
                UUID.randomUUID().toString(), escalated));

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 3
                && list.stream().allMatch(n -> "SENT".equals(n.get("status"))));
        assertThat(notifications).extracting(Pages::contactOf, n -> n.get("channel"), n -> n.get("policy"),
                n -> n.get("escalationStep"), n -> n.get("severity")).containsExactlyInAnyOrder(
                        Tuple.tuple("ops-channel", "slack", "p2", 1, "P2"),
                        Tuple.tuple("devops-lead", "pagerduty", "p0", 1, "P0"),
                        Tuple.tuple("ops-channel", "slack", "p0", 1, "P0"));
        assertThat(notifications).filteredOn(n -> "p0".equals(n.get("policy"))).extracting(n -> n.get("note"))
                .containsOnly("Escalated from P2 to P0: error rate 100%");
        assertThat(received(peers, ChannelPeersResource.PAGERDUTY_PATH, id)).hasSize(1);
        assertThat(received(peers, ChannelPeersResource.SLACK_PATH, id)).hasSize(2);

        clock.advance(Duration.ofMinutes(20));
        timers.worker().wake();
        awaitMarker(topics);
        clock.advance(Duration.ofHours(2));
        timers.worker().wake();
        awaitMarker(topics);

        assertThat(notificationsOf(id)).hasSize(3);
        assertThat(to(notificationsOf(id), "devops-lead")).extracting(n -> n.get("policy")).containsExactly("p0");
        assertThat(received(peers, ChannelPeersResource.PAGERDUTY_PATH, id)).hasSize(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> steps.of(id).stream().map(t -> Tuple.tuple(
                t.policy(), t.step(), t.status(), t.reason())).toList())).containsExactlyInAnyOrder(
                        Tuple.tuple("p2", 1, StepTimer.Status.REACHED, null),
                        Tuple.tuple("p2", 2, StepTimer.Status.CANCELLED, "replaced by policy p0 (escalated)"),
                        Tuple.tuple("p0", 1, StepTimer.Status.REACHED, null));
        List<EscalationStepReached> reached = Pages.awaitEvents(topics, EscalationStepReached.class, id, 2);
        assertThat(reached).extracting(EscalationStepReached::policy, EscalationStepReached::step,
                EscalationStepReached::contacts, EscalationStepReached::reachedAt).containsExactlyInAnyOrder(
                        Tuple.tuple("p2", 1, List.of("#t-developer-ops"), opened),
                        Tuple.tuple("p0", 1, List.of("Kim Gaebal", "#t-developer-ops"), escalated));
    }

    @Test
    void outsideHoursTheDevOpsLeadStandsInForTheBackendLeadAndThePageSaysSo() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.next(DayOfWeek.SATURDAY, LocalTime.of(10, 0), SEOUL));
        IncidentOpened incident = incident(Severity.P1, "degradation");
        String id = incident.incidentId();
        publish(topics, incident);
        awaitOnly(id, "SENT");

        clock.advance(Duration.ofMinutes(15));
        timers.worker().wake();

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 3
                && to(list, "devops-lead").stream().anyMatch(n -> "SENT".equals(n.get("status"))));
        String note = "Paged instead of Lee Baekend (Backend Lead), who is outside their hours "
                + "(MON,TUE,WED,THU,FRI 09:00-18:00 Asia/Seoul).";
        assertThat(to(notifications, "devops-lead")).singleElement().satisfies(page -> assertThat(page)
                .containsEntry("channel", "pagerduty").containsEntry("escalationStep", 2)
                .containsEntry("note", note));
        assertThat(to(notifications, "backend-lead")).singleElement().satisfies(absent -> assertThat(absent)
                .containsEntry("status", "SUPPRESSED").containsEntry("reason", "out-of-hours"));
        JsonNode trigger = new ObjectMapper().readTree(
                received(peers, ChannelPeersResource.PAGERDUTY_PATH, id).get(0).getBodyAsString());
        assertThat(trigger.path("payload").path("custom_details").path("note").asText()).isEqualTo(note);
        NotificationSuppressed suppressed = Pages.awaitEvent(topics, NotificationSuppressed.class, id);
        assertThat(suppressed.reason()).isEqualTo("out-of-hours");
        assertThat(suppressed.recipient()).isEqualTo("Backend Lead");
        assertThat(published(aws, id)).isEmpty();
    }

    @Test
    void dataLossAlertsTheWholeTeamAtOnceAndTheCustomerNoticeWaitsForApproval() throws Exception {
        TopicReader topics = new TopicReader(kafka);
        clock.freezeAt(clock.next(DayOfWeek.WEDNESDAY, LocalTime.of(10, 0), SEOUL));
        IncidentOpened incident = incident(Severity.P1, "data-loss");
        String id = incident.incidentId();

        publish(topics, incident);

        List<Map<String, Object>> notifications = awaitNotifications(id, list -> list.size() == 6
                && list.stream().filter(n -> "SENT".equals(n.get("status"))).count() == 5);
        assertThat(notifications).extracting(Pages::contactOf, n -> n.get("channel"), n -> n.get("status"))
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("devops-lead", "pagerduty", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("backend-lead", "sns", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("system-administrator", "sns", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("security-officer", "sns", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("ops-channel", "slack", "SENT"),
                        org.assertj.core.groups.Tuple.tuple("customers", "email", "AWAITING_APPROVAL"));
        Map<String, Object> notice = to(notifications, "customers").get(0);
        assertThat(notice).containsEntry("kind", "CUSTOMER_NOTICE");
        awaitMarker(topics);
        assertThat(mailTo("customers@example.com")).isEmpty();

        String noticeId = (String) notice.get("id");
        as("viewer").post("/notifications/{id}/approve", noticeId).then().statusCode(403);
        as("responder").post("/notifications/{id}/approve", noticeId).then().statusCode(200)
                .body("status", equalTo("PENDING")).body("reason", equalTo("approved by responder"));
        as("responder").post("/notifications/{id}/approve", noticeId).then().statusCode(409);

        await().atMost(Pages.PATIENCE).until(() -> mailTo("customers@example.com").size() == 1);
        MimeMessage mail = mailTo("customers@example.com").get(0);
        assertThat(mail.getSubject()).isEqualTo("Customer notice: [P1] data-loss on t-developer-service-production: "
                + incident.title());
        assertThat(Pages.mailText(mail)).isEqualTo("""
                Customer notice: [P1] data-loss on t-developer-service-production: %s
                We are investigating an issue with t-developer-service-production that may have affected your data.\
                 We will write again as soon as we know more.

                Timeline: http://127.0.0.1:8083/incidents/%s/timeline

                --\s
                Runbook Autopilot, message %s""".formatted(incident.title(), id, noticeId));
        assertThat(mail.getHeader("X-Autopilot-Delivery-Id")).containsExactly(noticeId);
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
