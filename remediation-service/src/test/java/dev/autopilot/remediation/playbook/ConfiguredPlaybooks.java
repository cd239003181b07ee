package dev.autopilot.remediation.playbook;

/** The playbooks as the service builds them from a configuration, for the tests of other packages. */
public final class ConfiguredPlaybooks {

    private ConfiguredPlaybooks() {
    }

    /**
     * What {@link PlaybookProducer} makes of the configuration.
     *
     * @throws IllegalArgumentException when the playbooks cannot be built from it (the start is refused)
     */
    public static PlaybookSelector selector(RemediationConfig config) {
        return new PlaybookProducer().selector(config);
    }
}
