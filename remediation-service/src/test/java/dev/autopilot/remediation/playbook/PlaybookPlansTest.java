package dev.autopilot.remediation.playbook;

import static dev.autopilot.remediation.playbook.RunbookDefaults.NOW;
import static dev.autopilot.remediation.playbook.RunbookDefaults.SERVICE;
import static dev.autopilot.remediation.playbook.RunbookDefaults.SETTINGS;
import static dev.autopilot.remediation.playbook.RunbookDefaults.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.contracts.EventCodec;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The plans of the runbook's playbooks with the configuration's defaults: their calls, in order, exactly. */
class PlaybookPlansTest {

    private static final ObjectMapper JSON = EventCodec.mapper();

    private final PlaybookSelector selector = PlaybookSelector.forRunbook(SERVICE, SETTINGS);

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            outage        | awselb-t-developer-unhealthy | ecs DescribeServices, elbv2 DescribeTargetHealth, cloudwatch GetMetricStatistics, ecs ListTaskDefinitions, ecs DescribeTaskDefinition, dynamodb CreateBackup, ecs UpdateService, sns Publish, ecs UpdateService, ecs WaitUntilServicesStable, verification VerifyFix
            degradation   | alb-5xx-high                 | cloudwatch GetMetricStatistics, logs FilterLogEvents, http POST, ecs DescribeServices, ecs UpdateService, ecs WaitUntilServicesStable, verification VerifyFix
            agent-failure | parser-agent-failing         | logs FilterLogEvents, ecs UpdateService, remediation RecordFollowUp
            agent-failure | some-agent-failing           | logs FilterLogEvents, remediation RecordFollowUp
            traffic-surge | requests-surging             | ecs DescribeServices, ecs UpdateService, ecs WaitUntilServicesStable
            security      | guardduty-recon              | secretsmanager RotateSecret, http POST
            data-loss     | s3-exfiltration              | s3 GetBucketPolicy, s3 PutBucketPolicy
            unclassified  | disk-almost-full             | ecs DescribeServices, elbv2 DescribeTargetHealth
            """)
    void eachPlaybookMakesItsCallsInOrder(String type, String title, String calls) {
        List<String> planned = plan(type, title).stream().map(s -> s.service() + " " + s.operation()).toList();

        assertThat(planned).containsExactlyElementsOf(Arrays.stream(calls.split(",")).map(String::trim).toList());
    }

    @ParameterizedTest(name = "{0} [{1}] step {2}")
    @CsvSource(delimiter = '|', textBlock = """
            outage        | unhealthy            | 1  | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            outage        | unhealthy            | 2  | {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09"}
            outage        | unhealthy            | 3  | {"Namespace": "AWS/ApplicationELB", "MetricName": "RequestCount", "Dimensions": [{"Name": "LoadBalancer", "Value": "app/t-developer-alb-production/50dc6c495c0c9188"}], "StartTime": "2026-11-26T04:12:41Z", "EndTime": "2026-11-26T05:12:41Z", "Period": 300, "Statistics": ["Sum"]}
            outage        | unhealthy            | 4  | {"familyPrefix": "<family>", "status": "ACTIVE", "sort": "DESC"}
            outage        | unhealthy            | 5  | {"taskDefinition": "<family>:<N-1>"}
            outage        | unhealthy            | 6  | {"TableName": "t-developer-metadata-production", "BackupName": "manual-backup-<time:yyyyMMdd-HHmmss>"}
            outage        | unhealthy            | 7  | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "taskDefinition": "<family>:<N-1>"}
            outage        | unhealthy            | 8  | {"TopicArn": "arn:aws:sns:us-east-1:123456789012:t-developer-alerts-production", "Message": "EMERGENCY ROLLBACK: Service rolled back to <family>:<N-1>"}
            outage        | unhealthy            | 9  | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "desiredCount": 10}
            outage        | unhealthy            | 10 | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            outage        | unhealthy            | 11 | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09", "AlarmName": "unhealthy"}
            degradation   | slow                 | 1  | {"Namespace": "AWS/ECS", "MetricName": "CPUUtilization", "Dimensions": [{"Name": "ClusterName", "Value": "t-developer-cluster-production"}, {"Name": "ServiceName", "Value": "t-developer-service-production"}], "StartTime": "2026-11-26T04:12:41Z", "EndTime": "2026-11-26T05:12:41Z", "Period": 300, "Statistics": ["Maximum"]}
            degradation   | slow                 | 2  | {"logGroupName": "/ecs/t-developer-production", "filterPattern": "ERROR", "startTime": 1795666361000, "endTime": 1795669961000, "limit": 50}
            degradation   | slow                 | 3  | {"url": "http://internal-load-balancer/admin/clear-cache"}
            degradation   | slow                 | 4  | {"cluster": "t-developer-cluster-production", "services": ["t-developer-service-production"]}
            degradation   | slow                 | 5  | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "desiredCount": "<desiredCount+2>"}
            agent-failure | parser-agent-failing | 1  | {"logGroupName": "/ecs/t-developer-production", "filterPattern": "\\"ERROR\\" \\"parser\\"", "startTime": 1795666361000, "endTime": 1795669961000, "limit": 50}
            agent-failure | parser-agent-failing | 2  | {"cluster": "t-developer-cluster-production", "service": "t-developer-parser-agent-production", "forceNewDeployment": true}
            agent-failure | parser-agent-failing | 3  | {"agent": "parser", "note": "Plan a patch deploy for the parser agent (incident 0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77)"}
            agent-failure | agent-failing        | 2  | {"agent": "unknown", "note": "The failing agent is not named by incident 0c8f4a52-3f1e-4d7a-9a55-6a1d1c0e2b77: find it in the error logs, restart it, and plan a patch deploy"}
            traffic-surge | surge                | 2  | {"cluster": "t-developer-cluster-production", "service": "t-developer-service-production", "desiredCount": 10}
            security      | recon                | 1  | {"SecretId": "t-developer/production/api-keys", "RotateImmediately": true}
            security      | recon                | 2  | {"url": "http://internal-load-balancer/admin/invalidate-sessions"}
            data-loss     | exfiltration         | 1  | {"Bucket": "t-developer-projects-production"}
            data-loss     | exfiltration         | 2  | {"Bucket": "t-developer-projects-production", "Policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Sid\\":\\"RunbookAutopilotEmergencyDenyAll\\",\\"Effect\\":\\"Deny\\",\\"Principal\\":\\"*\\",\\"Action\\":\\"s3:*\\",\\"Resource\\":[\\"arn:aws:s3:::t-developer-projects-production\\",\\"arn:aws:s3:::t-developer-projects-production/*\\"],\\"Condition\\":{\\"ArnNotLike\\":{\\"aws:PrincipalArn\\":[\\"arn:aws:iam::123456789012:role/t-developer-break-glass\\"]}}}]}"}
            unclassified  | disk-almost-full     | 2  | {"TargetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/t-developer-tg-production/6d0ecf831eec9f09"}
            """)
    void eachStepSendsExactlyTheseParameters(String type, String title, int order, String parameters)
            throws Exception {
        PlaybookStep step = plan(type, title).get(order - 1);

        JsonNode expected = JSON.readTree(parameters);
        assertThat(JSON.valueToTree(step.parameters()).equals(expected))
                .as("%s %s parameters %s", step.service(), step.operation(), step.parameters())
                .isTrue();
    }

    @Test
    void theOutageRollsBackOnlyWhenCalledForAndScalesOnlyOnASurgeThenWaitsAndVerifies() {
        List<PlaybookStep> steps = plan("outage", "unhealthy");

        assertThat(steps).extracting(PlaybookStep::kind).containsExactly(null, null, null, null, null, "backup",
                "rollback", "announce", "scale", null, null);
        assertThat(steps).extracting(PlaybookStep::condition).containsExactly(null, null, null,
                StepConditions.ROLLBACK, StepConditions.ROLLBACK, StepConditions.ROLLBACK, StepConditions.ROLLBACK,
                StepConditions.ROLLBACK, StepConditions.SURGE, StepConditions.AFTER_CHANGE,
                StepConditions.AFTER_CHANGE);
        assertThat(steps.get(9).timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(steps.get(10).timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(steps).extracting(PlaybookStep::undoOnFailure)
                .containsExactly(false, false, false, false, false, false, false, false, false, false, true);
    }

    @ParameterizedTest(name = "approval required for [{0}]")
    @CsvSource({"rollback", "outage.rollback"})
    void onlyTheStepsTheApprovalRulesNameWaitForAPerson(String rule) {
        List<PlaybookStep> steps = PlaybookSelector.forRunbook(SERVICE, SETTINGS, Map.of(),
                ApprovalRules.of(List.of(rule))).plan(selector.select("outage"),
                incident("outage", "unhealthy", Map.of()), NOW);

        assertThat(steps).extracting(PlaybookStep::requiresApproval)
                .containsExactly(false, false, false, false, false, false, true, false, false, false, false);
    }

    @Test
    void anIncidentNamingAnotherServiceLoadBalancerOrBucketIsAnsweredOnThatOne() {
        Map<String, String> labels = Map.of("alarmName", "web-5xx", "dimension.ServiceName", "web",
                "dimension.ClusterName", "prod", "dimension.LoadBalancer", "app/web/1", "bucket", "artifacts");

        Playbook outage = selector.select("outage");
        List<PlaybookStep> steps = outage.plan(incident("outage", "web-5xx", labels), NOW);
        assertThat(outage.target(incident("outage", "web-5xx", labels))).isEqualTo("ecs:prod/web");
        assertThat(steps.get(0).parameters()).isEqualTo(Map.of("cluster", "prod", "services", List.of("web")));
        assertThat(steps.get(2).parameters().get("Dimensions"))
                .isEqualTo(List.of(Map.of("Name", "LoadBalancer", "Value", "app/web/1")));
        Playbook leak = selector.select("data-loss");
        assertThat(leak.target(incident("data-loss", "exfiltration", labels))).isEqualTo("s3:artifacts");
        assertThat(selector.select("security").target(incident("security", "recon", labels)))
                .isEqualTo("secretsmanager:t-developer/production/api-keys");
    }

    @ParameterizedTest(name = "agent restart {0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            STOP_TASK            | -                              | ecs StopTask  | {"cluster": "t-developer-cluster-production", "service": "t-developer-parser-agent-production", "reason": "Runbook Autopilot: restart of the failing parser agent"}
            ADMIN_HTTP           | http://parser.internal/restart | http POST     | {"url": "http://parser.internal/restart"}
            FORCE_NEW_DEPLOYMENT | -                              | ecs UpdateService | {"cluster": "t-developer-cluster-production", "service": "t-developer-parser-agent-production", "forceNewDeployment": true}
            """)
    void eachAgentIsRestartedAsConfigured(AgentRestart restart, String url, String call, String parameters)
            throws Exception {
        PlaybookSettings settings = new PlaybookSettings(SETTINGS.evidenceWindow(), SETTINGS.metricPeriod(),
                SETTINGS.scaleOutBy(), SETTINGS.surgeDesiredCount(), SETTINGS.stabilityTimeout(),
                SETTINGS.verificationDeadline(), true, SETTINGS.scaling(),
                Map.of("parser", new AgentRestart.Setting(restart, url)));
        AgentFailurePlaybook playbook = new AgentFailurePlaybook(SERVICE, settings);

        PlaybookStep step = playbook.plan(incident("agent-failure", "parser-agent-failing", Map.of()), NOW).get(1);

        assertThat(step.service() + " " + step.operation()).isEqualTo(call);
        assertThat(step.kind()).isEqualTo("restart");
        assertThat((JsonNode) JSON.valueToTree(step.parameters())).isEqualTo(JSON.readTree(parameters));
        assertThat(playbook.target(incident("agent-failure", "parser-agent-failing", Map.of())))
                .isEqualTo("ecs:t-developer-cluster-production/t-developer-parser-agent-production");
    }

    @ParameterizedTest(name = "scale {0} -> {1}, after a cooldown of {2}")
    @CsvSource({"OUT, <desiredCount+2>, PT3M", "IN, <desiredCount-1>, PT5M"})
    void scalingMovesByTheConfiguredStepAfterItsCooldown(String direction, String desired, String cooldown) {
        Occasion recommendation = new Occasion(null, "scaling", "CPU", Map.of("dimension.ServiceName", "web",
                "direction", direction));

        List<PlaybookStep> steps = selector.named("scaling").orElseThrow().plan(recommendation, NOW);

        assertThat(steps).extracting(s -> s.service() + " " + s.operation())
                .containsExactly("ecs DescribeServices", "ecs UpdateService");
        assertThat(steps.get(1).parameters()).containsEntry("desiredCount", desired).containsEntry("service", "web");
        assertThat(steps.get(1).condition()).isEqualTo(StepConditions.COOLDOWN_PREFIX + cooldown);
        assertThat(StepConditions.isKnown(steps.get(1).condition())).isTrue();
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
        Occasion incident = incident(type, title, Map.of("alarmName", title));
        return selector.select(type).plan(incident, NOW);
    }
}
