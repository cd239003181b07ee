package dev.autopilot.remediation.audit;

import static dev.autopilot.remediation.RemediationApi.awaitStatus;
import static dev.autopilot.remediation.RemediationApi.opened;
import static dev.autopilot.remediation.RemediationApi.unique;
import static dev.autopilot.remediation.RemediationApi.write;
import static dev.autopilot.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.autopilot.contracts.incident.IncidentOpened;
import dev.autopilot.remediation.AwsStubs;
import dev.autopilot.remediation.AwsStubs.EcsState;
import dev.autopilot.remediation.TestClock;
import dev.autopilot.testing.AwsStubResource;
import dev.autopilot.testing.PlatformTestResource;
import dev.autopilot.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail: a record for every step and decision, chained by hash; a change to one shows. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(AwsStubResource.class)
class AuditTrailTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @AwsStubResource.InjectAwsStub
    WireMockServer aws;

    @Inject
    TestClock clock;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void stubs() {
        AwsStubs.defaults(aws);
    }

    @Test
    void everyStepOfAnIncidentIsAuditedWithTheRequestSentAndTheChainHolds() {
        IncidentOpened incident = evidenceGathered();

        List<Map<String, Object>> records = as("viewer").queryParam("incidentId", incident.incidentId())
                .get("/audit").then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(records).extracting(r -> r.get("actor") + ": " + r.get("action")).containsExactly(
                "incident: planned", "remediation: started", "remediation: step 1 ecs DescribeServices attempt 1",
                "remediation: step 2 elbv2 DescribeTargetHealth attempt 1", "remediation: succeeded");
        assertThat(records.get(2)).containsEntry("stepOrder", 1).containsEntry("request", Map.of(
                "cluster", AwsStubs.CLUSTER, "services", List.of(incident.labels().get("dimension.ServiceName"))));
        assertThat(records).extracting(r -> (String) r.get("hash")).doesNotHaveDuplicates()
                .allSatisfy(hash -> assertThat(hash).hasSize(64));
        as("viewer").get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));
        as("viewer").queryParam("incidentId", "not-a-uuid").get("/audit").then().statusCode(400);
    }

    @Test
    void recordsCannotBeChangedAndAChangeMadeBehindTheTriggersBackShows() throws SQLException {
        IncidentOpened incident = evidenceGathered();
        Map<String, Object> record = as("viewer").queryParam("incidentId", incident.incidentId()).get("/audit")
                .then().statusCode(200).extract().jsonPath().getMap("[2]");
        long seq = ((Number) record.get("seq")).longValue();

        assertThatThrownBy(() -> update(seq, "forged", false)).hasMessageContaining("audit records are append-only");

        update(seq, "forged", true);
        try {
            as("viewer").get("/audit/verification").then().statusCode(200)
                    .body("valid", equalTo(false)).body("brokenAt", equalTo((int) seq))
                    .body("reason", equalTo("its content does not match its hash (it was changed)"));
        } finally {
            update(seq, (String) record.get("outcome"), true);
        }
        as("viewer").get("/audit/verification").then().statusCode(200).body("valid", equalTo(true));
    }

    private IncidentOpened evidenceGathered() {
        String service = unique("web");
        EcsState running = EcsState.stable("fam", 2, 2, clock.instant().minus(Duration.ofDays(1)));
        AwsStubs.ecsService(aws, service, running, running);
        IncidentOpened incident = opened("unclassified", unique("disk"),
                Map.of("alarmName", "disk", "dimension.ServiceName", service));
        write(new TopicReader(kafka), incident);
        awaitStatus(incident.incidentId(), "SUCCEEDED");
        return incident;
    }

    /** Changes a record's outcome, behind the append-only trigger's back when {@code bypass} (as an intruder would). */
    private void update(long seq, String outcome, boolean bypass) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                    PreparedStatement change = connection.prepareStatement(
                            "UPDATE audit_record SET outcome = ? WHERE seq = ?")) {
                if (bypass) {
                    statement.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_append_only");
                }
                change.setString(1, outcome);
                change.setLong(2, seq);
                change.executeUpdate();
                if (bypass) {
                    statement.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_append_only");
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
