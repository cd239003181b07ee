package dev.autopilot.remediation.safety;

/**
 * The fewest and the most tasks a service may be given, whatever a playbook, a recommendation or an undo asks:
 * the runbook's auto-scaling range, 2 to 20.
 *
 * @param min the fewest tasks
 * @param max the most tasks
 */
public record ScalingBounds(int min, int max) {

    public ScalingBounds {
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("scaling bounds need 0 <= min <= max, not " + min + ".." + max);
        }
    }

    /** The desired count to set when {@code asked} is asked for. */
    public int bound(int asked) {
        return Math.max(min, Math.min(max, asked));
    }

    /** For people: why the count set differs from the one asked, or empty when it does not. */
    public String explain(int asked) {
        int bounded = bound(asked);
        if (bounded == asked) {
            return "";
        }
        return " (" + asked + " asked; bounded to " + (bounded == max ? "the maximum " : "the minimum ") + bounded + ")";
    }
}
