package dev.autopilot.remediation.playbook;

/** How one failing agent is restarted alone. */
public enum AgentRestart {
    /** A forced new deployment of the agent's own ECS service. */
    FORCE_NEW_DEPLOYMENT,
    /** StopTask of the agent's running tasks; ECS starts new ones. */
    STOP_TASK,
    /** A POST to the agent's admin endpoint. */
    ADMIN_HTTP;

    /**
     * One agent's restart.
     *
     * @param restart how
     * @param url     for {@link #ADMIN_HTTP}: the URL to POST to
     */
    public record Setting(AgentRestart restart, String url) {
    }
}
