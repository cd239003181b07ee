package dev.autopilot.remediation.action.ecs;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.AwsRequests;
import dev.autopilot.remediation.action.Effect;
import dev.autopilot.remediation.action.Parameters;
import dev.autopilot.remediation.action.StepCall;
import dev.autopilot.remediation.safety.ScalingBounds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DescribeServicesRequest;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsRequest;
import software.amazon.awssdk.services.ecs.model.ListTaskDefinitionsResponse;
import software.amazon.awssdk.services.ecs.model.ListTasksRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.StopTaskRequest;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.UpdateServiceRequest;

/**
 * Amazon ECS: reads a service (its deployments, counts and task definition), finds revision N-1, rolls back,
 * scales, restarts, and waits until a service is stable. A change keeps the task definition and desired count it
 * replaced, and the UpdateService that restores them. Any desired count stays within the {@link ScalingBounds}.
 */
@ApplicationScoped
public class EcsAction implements Action {

    /** How many pages of task definitions to look through for revision N-1. */
    private static final int MAX_PAGES = 20;

    private final EcsClient ecs;
    private final ScalingBounds bounds;

    @Inject
    public EcsAction(EcsClient ecs, ScalingBounds bounds) {
        this.ecs = ecs;
        this.bounds = bounds;
    }

    @Override
    public String service() {
        return "ecs";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of(
                "DescribeServices", Effect.READ,
                "ListTaskDefinitions", Effect.READ,
                "DescribeTaskDefinition", Effect.READ,
                "WaitUntilServicesStable", Effect.WAIT,
                "UpdateService", Effect.CHANGE,
                "StopTask", Effect.CHANGE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        try {
            return switch (call.operation()) {
                case "DescribeServices" -> describeServices(call);
                case "ListTaskDefinitions" -> previousRevision(call);
                case "DescribeTaskDefinition" -> describeTaskDefinition(call);
                case "WaitUntilServicesStable" -> waitUntilStable(call);
                case "UpdateService" -> updateService(call);
                case "StopTask" -> stopTasks(call);
                default -> ActionResult.failed("ecs has no operation " + call.operation(), false);
            };
        } catch (AwsRequests.Failed failed) {
            return failed.result();
        }
    }

    private static DescribeServicesRequest describeRequest(Parameters parameters) {
        return DescribeServicesRequest.builder()
                .cluster(parameters.string("cluster"))
                .services(parameters.strings("services"))
                .build();
    }

    private ActionResult describeServices(ActionCall call) {
        return AwsRequests.read(call, describeRequest(call.parameters()), ecs::describeServices, response ->
                firstService(response).map(service -> ActionResult.done(summary(service))
                        .withFacts(facts(service))
                        .withEvidence(evidence(service)))
                        .orElseGet(() -> missing(response)));
    }

    private ActionResult waitUntilStable(ActionCall call) {
        return AwsRequests.read(call, describeRequest(call.parameters()), ecs::describeServices, response ->
                firstService(response).map(service -> {
                    ServiceStability.Verdict verdict = stability(service);
                    if (!call.live()) {
                        return ActionResult.done("dry run, not waited for: " + verdict.explanation())
                                .withEvidence(evidence(service));
                    }
                    return (verdict.stable() ? ActionResult.done("stable: " + verdict.explanation())
                            : ActionResult.pending("not stable yet: " + verdict.explanation()))
                            .withEvidence(evidence(service));
                }).orElseGet(() -> missing(response)));
    }

    /** Lists the family's ACTIVE task definitions, newest first, until the newest below revision N shows. */
    private ActionResult previousRevision(ActionCall call) {
        Object family = call.facts().get(EcsFacts.FAMILY);
        Object revision = call.facts().get(EcsFacts.REVISION);
        ListTaskDefinitionsRequest first = ListTaskDefinitionsRequest.builder()
                .familyPrefix(call.parameters().string("familyPrefix"))
                .status(call.parameters().string("status"))
                .sort(call.parameters().string("sort"))
                .build();
        if (family == null || revision == null) {
            return ActionResult.failed("the service's current task definition is not known: no step read it", false)
                    .withRequest(AwsRequests.fields(first), false);
        }
        if (!call.sendReads()) {
            return ActionResult.done("dry run: not sent (reads are off)").withRequest(AwsRequests.fields(first), false);
        }
        PreviousRevision.TaskDefinition current =
                new PreviousRevision.TaskDefinition(String.valueOf(family), ((Number) revision).intValue());
        List<String> scanned = new ArrayList<>();
        ListTaskDefinitionsRequest request = first;
        for (int page = 0; page < MAX_PAGES; page++) {
            ListTaskDefinitionsResponse response = AwsRequests.fetch(request, ecs::listTaskDefinitions);
            scanned.addAll(response.taskDefinitionArns());
            Optional<PreviousRevision.TaskDefinition> chosen = PreviousRevision.choose(current, scanned);
            if (chosen.isPresent() || response.nextToken() == null) {
                return chosen.map(previous -> ActionResult.done("revision N-1 of " + current + " is " + previous
                                + skipped(current, previous))
                                .withFacts(Map.of(EcsFacts.PREVIOUS_REVISION, previous.revision()))
                                .withEvidence(Map.of("current", current.toString(), "previous", previous.toString(),
                                        "activeRevisionsScanned", scanned.size())))
                        .orElseGet(() -> ActionResult.failed("no ACTIVE revision of " + current.family()
                                + " below " + current.revision() + " to roll back to", false))
                        .withRequest(AwsRequests.fields(first), true);
            }
            request = first.toBuilder().nextToken(response.nextToken()).build();
        }
        return ActionResult.failed("no ACTIVE revision of " + current.family() + " below " + current.revision()
                + " within " + MAX_PAGES + " pages of task definitions", false).withRequest(AwsRequests.fields(first), true);
    }

    private static String skipped(PreviousRevision.TaskDefinition current, PreviousRevision.TaskDefinition previous) {
        int gap = current.revision() - previous.revision() - 1;
        if (gap <= 0) {
            return "";
        }
        return gap == 1 ? " (revision " + (current.revision() - 1) + " is not active)"
                : " (revisions " + (previous.revision() + 1) + " to " + (current.revision() - 1) + " are not active)";
    }

    private ActionResult describeTaskDefinition(ActionCall call) {
        DescribeTaskDefinitionRequest request = DescribeTaskDefinitionRequest.builder()
                .taskDefinition(call.parameters().string("taskDefinition"))
                .build();
        return AwsRequests.read(call, request, ecs::describeTaskDefinition, response -> {
            TaskDefinition definition = response.taskDefinition();
            String name = definition.family() + ":" + definition.revision();
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("taskDefinition", name);
            evidence.put("status", definition.statusAsString());
            evidence.put("images", definition.containerDefinitions().stream().map(c -> c.image()).toList());
            if (!"ACTIVE".equals(definition.statusAsString())) {
                return ActionResult.failed(name + " is " + definition.statusAsString() + ", not ACTIVE", false)
                        .withEvidence(evidence);
            }
            return ActionResult.done(name + " is ACTIVE").withEvidence(evidence);
        });
    }

    private ActionResult updateService(ActionCall call) {
        Parameters parameters = call.parameters();
        String cluster = parameters.string("cluster");
        String serviceName = parameters.string("service");
        Optional<String> taskDefinition = parameters.optionalString("taskDefinition");
        Optional<Integer> asked = parameters.optionalInteger("desiredCount");
        boolean force = parameters.optionalBoolean("forceNewDeployment").orElse(false);
        Integer desired = asked.map(bounds::bound).orElse(null);
        UpdateServiceRequest request = UpdateServiceRequest.builder()
                .cluster(cluster)
                .service(serviceName)
                .taskDefinition(taskDefinition.orElse(null))
                .desiredCount(desired)
                .forceNewDeployment(force ? Boolean.TRUE : null)
                .build();
        Service before = call.sendReads() ? current(cluster, serviceName).orElse(null) : null;
        Map<String, Object> replaced = call.replacedEarlier() != null ? call.replacedEarlier()
                : replaced(before, force);
        String change = change(replaced, taskDefinition.orElse(null), asked.orElse(null), desired, force);
        StepCall undo = replaced == null ? null : restore(cluster, serviceName, replaced, taskDefinition.isPresent(),
                desired != null);
        Optional<String> deployment = before == null ? Optional.empty() : primary(before).map(Deployment::id);
        if (force && call.replacedEarlier() != null && replaced.get("deployment") != null && deployment.isPresent()
                && !deployment.get().equals(replaced.get("deployment"))) {
            // the deployment an earlier attempt forced has started, though its answer was lost: not forced again
            return ActionResult.done("applied by an earlier attempt: " + change + " (deployment " + deployment.get()
                    + ")").withRequest(AwsRequests.fields(request), false).withUndo(replaced, undo);
        }
        if (before != null && !force && sameTaskDefinition(before, taskDefinition.orElse(null))
                && (desired == null || desired.equals(before.desiredCount()))) {
            if (call.replacedEarlier() != null) {
                // an earlier attempt's request was applied though its answer was lost: the change is this step's
                return ActionResult.done("applied by an earlier attempt: " + change)
                        .withRequest(AwsRequests.fields(request), false).withUndo(replaced, undo);
            }
            return ActionResult.done("no change needed: " + change).withRequest(AwsRequests.fields(request), false);
        }
        ActionResult result = AwsRequests.change(call, change, request, ecs::updateService,
                response -> ActionResult.done(change));
        if (replaced == null || !call.live() || !result.sent()) {
            return result;
        }
        // kept when the answer was lost too: the change may have been applied, and the next attempt must know
        return result.withUndo(replaced, undo);
    }

    /**
     * What an UpdateService replaces: the service's task definition and desired count, and for a forced deployment
     * the deployment it replaces (so a later attempt can tell the new one started); null if not read.
     */
    private static Map<String, Object> replaced(Service before, boolean force) {
        if (before == null) {
            return null;
        }
        Map<String, Object> replaced = new LinkedHashMap<>();
        replaced.put("taskDefinition", shortName(before.taskDefinition()));
        replaced.put("desiredCount", before.desiredCount());
        if (force) {
            primary(before).map(Deployment::id).ifPresent(id -> replaced.put("deployment", id));
        }
        return replaced;
    }

    /** The UpdateService that puts back what was replaced (what the change touched only); null if nothing. */
    private StepCall restore(String cluster, String serviceName, Map<String, Object> replaced,
            boolean taskDefinitionChanged, boolean desiredCountChanged) {
        Map<String, Object> restore = new LinkedHashMap<>();
        restore.put("cluster", cluster);
        restore.put("service", serviceName);
        if (taskDefinitionChanged) {
            restore.put("taskDefinition", replaced.get("taskDefinition"));
        }
        if (desiredCountChanged) {
            restore.put("desiredCount", replaced.get("desiredCount"));
        }
        return restore.size() > 2 ? new StepCall(service(), "UpdateService", restore) : null;
    }

    /** The change for people, from the state it replaces ({@link #replaced}; null when not read). */
    private String change(Map<String, Object> from, String taskDefinition, Integer asked, Integer desired,
            boolean force) {
        List<String> parts = new ArrayList<>();
        if (taskDefinition != null) {
            parts.add("task definition " + (from == null ? "" : from.get("taskDefinition") + " → ") + taskDefinition);
        }
        if (desired != null) {
            parts.add("desired count " + (from == null ? "" : from.get("desiredCount") + " → ") + desired
                    + bounds.explain(asked));
        }
        if (force) {
            parts.add("new deployment forced");
        }
        return String.join(", ", parts);
    }

    private static boolean sameTaskDefinition(Service before, String taskDefinition) {
        return taskDefinition == null || taskDefinition.equals(shortName(before.taskDefinition()))
                || taskDefinition.equals(before.taskDefinition());
    }

    /** Stops the running tasks of a service (ECS starts new ones): the restart of one agent. */
    private ActionResult stopTasks(ActionCall call) {
        Parameters parameters = call.parameters();
        String cluster = parameters.string("cluster");
        String serviceName = parameters.string("service");
        String reason = parameters.optionalString("reason").orElse("Runbook Autopilot restart");
        ListTasksRequest list = ListTasksRequest.builder().cluster(cluster).serviceName(serviceName)
                .desiredStatus("RUNNING").build();
        if (!call.sendReads()) {
            return ActionResult.done("dry run, not sent: stop the running tasks of " + serviceName)
                    .withRequest(AwsRequests.fields(list), false);
        }
        List<String> tasks = AwsRequests.fetch(list, ecs::listTasks).taskArns();
        if (tasks.isEmpty()) {
            return ActionResult.failed("no running task of " + serviceName + " to stop", false)
                    .withRequest(AwsRequests.fields(list), true);
        }
        List<Object> requests = new ArrayList<>();
        for (String task : tasks) {
            StopTaskRequest stop = StopTaskRequest.builder().cluster(cluster).task(task).reason(reason).build();
            requests.add(AwsRequests.fields(stop));
            if (call.live()) {
                AwsRequests.fetch(stop, ecs::stopTask);
            }
        }
        String what = tasks.size() + (tasks.size() == 1 ? " task" : " tasks") + " of " + serviceName;
        return ActionResult.done(call.live() ? "stopped " + what : "dry run, not sent: stop " + what)
                .withRequest(Map.of("StopTask", requests), call.live());
    }

    /** Whether the service is stable now; throws {@link AwsRequests.Failed} when it cannot be read or is missing. */
    public ServiceStability.Verdict stability(String cluster, String serviceName) {
        return stability(current(cluster, serviceName).orElseThrow(() -> new AwsRequests.Failed(
                ActionResult.failed("no such service " + serviceName + " in " + cluster, false))));
    }

    private Optional<Service> current(String cluster, String serviceName) {
        DescribeServicesRequest request = DescribeServicesRequest.builder().cluster(cluster).services(serviceName)
                .build();
        return firstService(AwsRequests.fetch(request, ecs::describeServices));
    }

    private static Optional<Service> firstService(DescribeServicesResponse response) {
        return response.services().stream().findFirst();
    }

    private static ActionResult missing(DescribeServicesResponse response) {
        String reasons = response.failures().stream().map(f -> f.arn() + ": " + f.reason()).toList().toString();
        return ActionResult.failed("no such service " + reasons, false);
    }

    private static String summary(Service service) {
        return service.serviceName() + " " + service.status() + " on " + shortName(service.taskDefinition()) + ", "
                + stability(service).explanation();
    }

    private static ServiceStability.Verdict stability(Service service) {
        String rollout = primary(service).map(Deployment::rolloutStateAsString).orElse(null);
        return ServiceStability.of(service.deployments().size(), value(service.runningCount()),
                value(service.desiredCount()), rollout);
    }

    private static Map<String, Object> facts(Service service) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put(EcsFacts.TASK_DEFINITION, shortName(service.taskDefinition()));
        PreviousRevision.parse(service.taskDefinition()).ifPresent(current -> {
            facts.put(EcsFacts.FAMILY, current.family());
            facts.put(EcsFacts.REVISION, current.revision());
        });
        facts.put(EcsFacts.DESIRED_COUNT, value(service.desiredCount()));
        facts.put(EcsFacts.RUNNING_COUNT, value(service.runningCount()));
        primary(service).filter(d -> d.createdAt() != null)
                .ifPresent(d -> facts.put(EcsFacts.DEPLOYED_AT, d.createdAt().toString()));
        facts.put(EcsFacts.DEPLOYMENT_FAILED, service.deployments().stream()
                .anyMatch(d -> "FAILED".equals(d.rolloutStateAsString())));
        return facts;
    }

    private static Map<String, Object> evidence(Service service) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("service", service.serviceName());
        evidence.put("status", service.status());
        evidence.put("taskDefinition", shortName(service.taskDefinition()));
        evidence.put("desiredCount", value(service.desiredCount()));
        evidence.put("runningCount", value(service.runningCount()));
        evidence.put("pendingCount", value(service.pendingCount()));
        evidence.put("deployments", service.deployments().stream().map(d -> {
            Map<String, Object> deployment = new LinkedHashMap<>();
            deployment.put("status", d.status());
            deployment.put("taskDefinition", shortName(d.taskDefinition()));
            deployment.put("rolloutState", d.rolloutStateAsString());
            deployment.put("createdAt", d.createdAt() == null ? null : d.createdAt().toString());
            return deployment;
        }).toList());
        evidence.put("recentEvents", service.events().stream().limit(5).map(e -> e.message()).toList());
        return evidence;
    }

    private static Optional<Deployment> primary(Service service) {
        return service.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
    }

    /** {@code family:N} of a task definition ARN; anything else as it is. */
    private static String shortName(String taskDefinition) {
        return PreviousRevision.parse(taskDefinition).map(Object::toString).orElse(taskDefinition);
    }

    private static int value(Integer count) {
        return count == null ? 0 : count;
    }
}
