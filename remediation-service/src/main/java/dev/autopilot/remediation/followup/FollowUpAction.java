package dev.autopilot.remediation.followup;

import dev.autopilot.remediation.action.Action;
import dev.autopilot.remediation.action.ActionCall;
import dev.autopilot.remediation.action.ActionResult;
import dev.autopilot.remediation.action.Effect;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * A follow-up for people (a patch deploy to plan after an agent's restart): recorded with the remediation, where
 * the API, the events and the reports show it. Nothing leaves this service.
 */
@ApplicationScoped
public class FollowUpAction implements Action {

    @Override
    public String service() {
        return "remediation";
    }

    @Override
    public Map<String, Effect> operations() {
        return Map.of("RecordFollowUp", Effect.NOTE);
    }

    @Override
    public ActionResult run(ActionCall call) {
        if (!"RecordFollowUp".equals(call.operation())) {
            return ActionResult.failed("remediation has no operation " + call.operation(), false);
        }
        String note = call.parameters().string("note");
        return ActionResult.done("follow-up recorded: " + note)
                .withEvidence(Map.of("followUp", call.parameters().asMap()))
                .withRequest(call.parameters().asMap(), false);
    }
}
