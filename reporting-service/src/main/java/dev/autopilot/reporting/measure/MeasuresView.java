package dev.autopilot.reporting.measure;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /measures}.
 *
 * @param zone    the time zone periods are cut in
 * @param overall every incident opened in [from, to)
 * @param groups  the same by group; empty when not grouped
 */
public record MeasuresView(Instant from, Instant to, String groupBy, String zone, Measures.Group overall,
        List<Measures.Group> groups) {
}
