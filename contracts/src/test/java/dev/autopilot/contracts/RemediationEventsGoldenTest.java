package dev.autopilot.contracts;

import static dev.autopilot.contracts.Samples.INCIDENT;
import static dev.autopilot.contracts.Samples.REMEDIATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.remediation.ExecutionMode;
import dev.autopilot.contracts.remediation.PlannedStep;
import dev.autopilot.contracts.remediation.RemediationAwaitingApproval;
import dev.autopilot.contracts.remediation.RemediationEscalated;
import dev.autopilot.contracts.remediation.RemediationFailed;
import dev.autopilot.contracts.remediation.RemediationPlanned;
import dev.autopilot.contracts.remediation.RemediationStarted;
import dev.autopilot.contracts.remediation.RemediationStepFailed;
import dev.autopilot.contracts.remediation.RemediationStepSucceeded;
import dev.autopilot.contracts.remediation.RemediationSucceeded;
import dev.autopilot.contracts.remediation.RemediationUndone;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RemediationEventsGoldenTest extends GoldenEventsContract {

    @Override
    EventStream<?> stream() {
        return Topics.REMEDIATION_EVENTS;
    }

    static Stream<Event> goldenEvents() {
        Map<String, Object> describe = new LinkedHashMap<>();
        describe.put("cluster", "t-developer-cluster-production");
        describe.put("services", List.of("t-developer-service-production"));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("cluster", "t-developer-cluster-production");
        update.put("service", "t-developer-service-production");
        update.put("taskDefinition", "t-developer:N-1");
        return Stream.of(
                new RemediationPlanned(REMEDIATION, INCIDENT, "outage", ExecutionMode.DRY_RUN, List.of(
                        new PlannedStep(1, "Check the ECS service", "ecs", "DescribeServices", describe, false),
                        new PlannedStep(2, "Roll back to the previous task definition", "ecs", "UpdateService", update,
                                true)),
                        Instant.parse("2026-11-26T05:12:41.600Z")),
                new RemediationStarted(REMEDIATION, INCIDENT, "outage", ExecutionMode.LIVE,
                        Instant.parse("2026-11-26T05:12:41.700Z")),
                new RemediationStepSucceeded(REMEDIATION, INCIDENT, 5, "Roll back to the previous task definition",
                        "ecs", "UpdateService", ExecutionMode.LIVE, "rolled back to t-developer:41",
                        Instant.parse("2026-11-26T05:12:43Z")),
                new RemediationStepFailed(REMEDIATION, INCIDENT, 7, "Wait until the service is stable", "ecs",
                        "DescribeServices", "not stable within 10 minutes: 2 deployments, running 1 of 2", 1,
                        Instant.parse("2026-11-26T05:22:43Z")),
                new RemediationAwaitingApproval(REMEDIATION, INCIDENT, "6f7e8d9c-0b1a-4c2d-9e3f-4a5b6c7d8e9f", 5,
                        "Roll back to the previous task definition", Instant.parse("2026-11-26T05:27:41Z"),
                        Instant.parse("2026-11-26T05:12:42Z")),
                new RemediationSucceeded(REMEDIATION, INCIDENT, "rolled back to t-developer:41; service stable",
                        Instant.parse("2026-11-26T05:16:00Z")),
                new RemediationFailed(REMEDIATION, INCIDENT, "service not stable within 10 minutes",
                        Instant.parse("2026-11-26T05:26:00Z")),
                new RemediationEscalated(REMEDIATION, INCIDENT,
                        "ecs:t-developer-cluster-production/t-developer-service-production",
                        "3 rollbacks of this service in the last hour: automation stops, people take over",
                        Instant.parse("2026-11-26T05:26:01Z")),
                new RemediationUndone(REMEDIATION, INCIDENT, "admin", "restored task definition t-developer:42",
                        Instant.parse("2026-11-26T05:45:00Z")));
    }

    @Test
    void aRemediationWithoutAnIncidentIsKeyedByItsOwnId() {
        RemediationStarted scaling = new RemediationStarted(REMEDIATION, null, "scaling", ExecutionMode.LIVE,
                Instant.parse("2026-11-26T05:20:01Z"));

        assertThat(scaling.subject()).isEqualTo(REMEDIATION);
    }
}
