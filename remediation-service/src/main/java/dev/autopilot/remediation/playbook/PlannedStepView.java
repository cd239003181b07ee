package dev.autopilot.remediation.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A step of a plan as the API shows it, before anything runs. */
public record PlannedStepView(
        int order,
        String name,
        String service,
        String operation,
        Map<String, Object> parameters,
        boolean requiresApproval,
        String kind,
        String condition,
        String timeout,
        boolean undoOnFailure) {

    /** The steps, numbered from 1. */
    public static List<PlannedStepView> from(List<PlaybookStep> steps) {
        List<PlannedStepView> views = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            PlaybookStep step = steps.get(i);
            views.add(new PlannedStepView(i + 1, step.name(), step.service(), step.operation(), step.parameters(),
                    step.requiresApproval(), step.kind(), step.condition(),
                    step.timeout() == null ? null : step.timeout().toString(), step.undoOnFailure()));
        }
        return views;
    }
}
