package dev.autopilot.support;

import io.smallrye.config.ConfigMapping;

/** Who this service is on the event bus. */
@ConfigMapping(prefix = "autopilot.service")
public interface ServiceConfig {

    /**
     * The service's short name ({@code detector}, {@code remediation}, ...): its consumer group, its
     * CloudEvents source ({@code /autopilot/<name>}) and the suffix of its dead-letter topics.
     */
    String name();
}
