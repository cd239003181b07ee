package dev.autopilot.remediation.action;

import java.util.Map;

/**
 * One integration the playbooks call: an AWS API (in {@code action/<service>/}), HTTP, or a record kept here.
 * An action never throws for a failed call: it returns a failed result saying whether another attempt may pass.
 * A changing operation in dry-run builds its request exactly as it would send it, records it, and sends nothing.
 */
public interface Action {

    /** What it talks to, as the playbooks name it: {@code ecs}, {@code elbv2}, {@code http}, ... */
    String service();

    /** The operations it runs, with what each does to the world. */
    Map<String, Effect> operations();

    /** Runs one attempt of an operation. */
    ActionResult run(ActionCall call);
}
