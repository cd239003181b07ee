package dev.autopilot.detector.check;

import java.time.Duration;

/**
 * A check switched on and scheduled by its own section of the configuration ({@code detector.checks.<check>.enabled}
 * and {@code .interval}): every AWS check. The HTTP probes are scheduled otherwise ({@link ProbeCheck}).
 */
abstract class ConfiguredCheck implements Check {

    private final ChecksConfig.Check settings;

    protected ConfiguredCheck(ChecksConfig.Check settings) {
        this.settings = settings;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Duration interval() {
        return settings.interval();
    }
}
