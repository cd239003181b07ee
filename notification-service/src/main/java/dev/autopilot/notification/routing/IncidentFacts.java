package dev.autopilot.notification.routing;

import dev.autopilot.contracts.Severity;
import java.util.Map;

/**
 * What routing looks at in an incident.
 *
 * @param severity P0 to P3, or null when unknown
 * @param type     the detector's incident type ({@code outage}, {@code security}, ...), or null
 * @param service  the managed service concerned, or null
 * @param labels   the labels of the signal that opened it
 */
public record IncidentFacts(Severity severity, String type, String service, Map<String, String> labels) {

    public IncidentFacts {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
