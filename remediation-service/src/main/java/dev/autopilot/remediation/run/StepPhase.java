package dev.autopilot.remediation.run;

/** Whether a step is one of the playbook's, or one that restores what such a step replaced. */
public enum StepPhase {
    RUN,
    UNDO
}
