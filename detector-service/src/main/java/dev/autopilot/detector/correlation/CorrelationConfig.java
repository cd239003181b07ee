package dev.autopilot.detector.correlation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How signals become incidents. */
@ConfigMapping(prefix = "detector.correlation")
public interface CorrelationConfig {

    /** A condition of a service joins that service's active incident if the incident saw a signal this recently. */
    @WithDefault("10m")
    Duration window();

    /** A condition firing again this soon after its incident resolved reopens that incident. */
    @WithDefault("30m")
    Duration reopenWindow();

    /** A raw check's condition counts as cleared only after it stayed clear this long. */
    @WithDefault("2m")
    Duration holdDown();

    /** So many transitions (clear, fire again) of one condition within the flap window make it flapping. */
    @WithDefault("4")
    int flapTransitions();

    /** The window flapping is counted in. */
    @WithDefault("30m")
    Duration flapWindow();

    /** A flapping incident resolves only after all its conditions stayed clear this long. */
    @WithDefault("15m")
    Duration flapHold();
}
