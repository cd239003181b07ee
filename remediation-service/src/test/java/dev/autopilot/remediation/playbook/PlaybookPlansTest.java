package dev.autopilot.remediation.playbook;

import static dev.autopilot.remediation.playbook.RunbookDefaults.NOW;
import static dev.autopilot.remediation.playbook.RunbookDefaults.SERVICE;
import static dev.autopilot.remediation.playbook.RunbookDefaults.SETTINGS;
import static dev.autopilot.remediation.playbook.RunbookDefaults.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.EventCodec;
import dev.autopilot.contracts.incident.IncidentOpened;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plans of the runbook's playbooks with the configuration's defaults: their calls, in order, exactly. */
class PlaybookPlansTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    private final PlaybookSelector selector = PlaybookSelector.forRunbook(SERVICE, SETTINGS);

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            outage        | awselb-t-developer-unhealthy | ecs DescribeServices, elbv2 DescribeTargetHealth, ecs ListTaskDefinitions, dynamodb CreateBackup, ecs UpdateService, sns Publish, ecs DescribeServices
            degradation   | alb-5xx-high                 | cloudwatch GetMetricStatistics, logs FilterLogEvents, http POST, ecs DescribeServices, ecs UpdateService
            agent-failure | parser-agent-failing         | logs FilterLogEvents, ecs UpdateService, remediation RecordFollowUp
            agent-failure | some-agent-failing           | logs FilterLogEvents, remediation RecordFollowUp
            traffic-surge | requests-surging             | ecs DescribeServices, ecs UpdateService
            unclassified  | disk-almost-full             | ecs DescribeServices, elbv2 DescribeTargetHealth
            """)
    void eachPlaybookMakesItsCallsInOrder(String type, String title, String calls) {
        List<String> planned = plan(type, title).stream().map(s -> s.service() + " " + s.operation()).toList();

        assertThat(planned).containsExactlyElementsOf(Arrays.stream(calls.split(",")).map(String::trim).toList());
    }

    @ParameterizedTest(name = "{0} [{1}] step {2}")
    @CsvSource(delimiter = '|', textBlock = """
            outage        | unhealthy            | 1 | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            outage        | unhealthy            | 2 | {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09"}
            outage        | unhealthy            | 3 | {"familyPrefix": "t-developer", "status": "ACTIVE", "sort": "DESC"}
            outage        | unhealthy            | 4 | {"TableName": "t-developer-metadata-production", "BackupName": "manual-backup-20261126-051241"}
            outage        | unhealthy            | 5 | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "taskDefinition": "t-developer:<N-1>"}
            outage        | unhealthy            | 6 | {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production", "Message": "EMERGENCY ROLLBACK: Service rolled back to t-developer:<N-1>"}
            outage        | unhealthy            | 7 | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            degradation   | slow                 | 1 | {"Namespace": "AWS/ECS", "MetricName": "CPUUtilization", "Dimensions": [{"Name": "ClusterName", "Value": "t-developer-cluster-production"}, {"Name": "ServiceName", "Value": "t-developer-service-production"}], "StartTime": "2026-11-26T04:12:41Z", "EndTime": "2026-11-26T05:12:41Z", "Period": 300, "Statistics": ["Maximum"]}
            degradation   | slow                 | 2 | {"logGroupName": "/ecs/t-developer-production", "filterPattern": "ERROR", "startTime": 1795666361000, "endTime": 1795669961000}
            degradation   | slow                 | 3 | {"url": "http://internal-load-balancer/admin/clear-cache"}
            degradation   | slow                 | 4 | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            degradation   | slow                 | 5 | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "desiredCount": "<desiredCount+2>"}
            agent-failure | parser-agent-failing | 1 | {"logGroupName": "/ecs/t-developer-production", "filterPattern": "\\"ERROR\\" \\"parser\\"", "startTime": 1795666361000, "endTime": 1795669961000}
            agent-failure | parser-agent-failing | 2 | {"cluster": "t-developer-cluster-production", "service": "t-developer-parser-agent-production", "forceNewDeployment": true}
            agent-failure | parser-agent-failing | 3 | {"agent": "parser", "note": "Plan a patch deploy for the parser agent (incident 0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77)"}
            agent-failure | agent-failing        | 2 | {"agent": "unknown", "note": "The failing agent is not named by incident 0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77: find it in the error logs, restart it, and plan a patch deploy"}
            traffic-surge | surge                | 2 | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "desiredCount": 10}
            unclassified  | disk-almost-full     | 2 | {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09"}
            """)
    void eachStepSendsExactlyTheseParameters(String type, String title, int order, String parameters)
            throws Exception {
        PlaybookStep step = plan(type, title).get(order - 1);

        JsonNode expected = JSON.readTree(parameters);
        assertThat(JSON.valueToTree(step.parameters()).equals(expected))
                .as("%s %s parameters %s", step.service(), step.operation(), step.parameters())
                .isTrue();
    }

    @ParameterizedTest(name = "rollback requires approval: {0}")
    @CsvSource({"false", "true"})
    void onlyTheRollbackWaitsForApprovalAndOnlyWhenConfigured(boolean required) {
        PlaybookSettings settings = new PlaybookSettings(SETTINGS.evidenceWindow(), SETTINGS.metricPeriod(), required,
                SETTINGS.scaleOutBy(), SETTINGS.surgeDesiredCount());
        List<PlaybookStep> steps = PlaybookSelector.forRunbook(SERVICE, settings).select("outage")
                .plan(incident("outage", "unhealthy", Map.of()), NOW);

        assertThat(steps).extracting(PlaybookStep::requiresApproval)
                .containsExactly(false, false, false, false, required, false, false);
        assertThat(steps.get(4).operation()).isEqualTo("UpdateService");
    }

    @ParameterizedTest(name = "title [{0}] labels [{1}] -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            parser-agent-failing            | -                               | parser
            MatchRateAgentErrors            | -                               | match-rate
            t-developer NL Input agent down | -                               | nl-input
            component-decision-agent-errors | -                               | component-decision
            Pipeline broken                 | agent=UI_Selection              | ui-selection
            Pipeline broken                 | dimension.AgentName=Assembly    | assembly
            Pipeline broken                 | alarmName=generation-agent-5xx  | generation
            parser failing                  | agent=billing                   | parser
            reassembly-failed               | -                               | -
            agent-failing                   | -                               | -
            Pipeline broken                 | dimension.ServiceName=search-x  | -
            """)
    void findsTheFailingAgentInTheIncident(String title, String label, String agent) {
        Map<String, String> labels = new HashMap<>();
        if (label != null) {
            labels.put(label.substring(0, label.indexOf('=')), label.substring(label.indexOf('=') + 1));
        }

        assertThat(AgentFailurePlaybook.failingAgent(incident("agent-failure", title, labels), SERVICE.agents()))
                .isEqualTo(Optional.ofNullable(agent));
    }

    private List<PlaybookStep> plan(String type, String title) {
        IncidentOpened incident = incident(type, title, Map.of("alarmName", title));
        return selector.select(type).plan(incident, NOW);
    }
}
