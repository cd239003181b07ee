package dev.autopilot.remediation.action.cloudwatch;

import java.util.Set;

/**
 * An alarm's threshold and how a value compares with it, as CloudWatch's {@code ComparisonOperator} says: a value
 * that would set the alarm off is on the wrong side.
 *
 * @param comparisonOperator {@code GreaterThanOrEqualToThreshold}, {@code GreaterThanThreshold},
 *                           {@code LessThanThreshold}, {@code LessThanOrEqualToThreshold}
 * @param threshold          the threshold
 */
public record Threshold(String comparisonOperator, double threshold) {

    private static final Set<String> COMPARABLE = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");

    /** Whether the value breaches the threshold. */
    public boolean breachedBy(double value) {
        return switch (comparisonOperator) {
            case "GreaterThanOrEqualToThreshold" -> value >= threshold;
            case "GreaterThanThreshold" -> value > threshold;
            case "LessThanThreshold" -> value < threshold;
            case "LessThanOrEqualToThreshold" -> value <= threshold;
            default -> throw new IllegalArgumentException("cannot compare with a " + comparisonOperator + " alarm");
        };
    }

    /** Whether this comparison is one a single value can be checked against (not an anomaly band). */
    public static boolean comparable(String comparisonOperator) {
        return comparisonOperator != null && COMPARABLE.contains(comparisonOperator);
    }
}
