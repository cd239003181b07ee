package dev.autopilot.remediation.playbook;

import java.util.List;

/**
 * Whether traffic surged: the last period's request count is at least {@code factor} times the average of the
 * periods before it (and there was traffic before it to compare with).
 *
 * @param factor how many times the usual traffic counts as a surge (e.g. 2.0)
 */
public record TrafficSurge(double factor) {

    public TrafficSurge {
        if (factor <= 1.0) {
            throw new IllegalArgumentException("a surge factor must be above 1, not " + factor);
        }
    }

    /**
     * The verdict and why, for people.
     *
     * @param surged whether traffic surged
     * @param reason the numbers
     */
    public record Verdict(boolean surged, String reason) {
    }

    /** @param requestsOldestFirst the request count of each period of the evidence window, oldest first */
    public Verdict detect(List<Double> requestsOldestFirst) {
        if (requestsOldestFirst.size() < 2) {
            return new Verdict(false, "not enough request counts to compare (" + requestsOldestFirst.size() + ")");
        }
        double last = requestsOldestFirst.get(requestsOldestFirst.size() - 1);
        double before = requestsOldestFirst.subList(0, requestsOldestFirst.size() - 1).stream()
                .mapToDouble(Double::doubleValue).average().orElse(0);
        if (before <= 0) {
            return new Verdict(false, "no traffic before the last period to compare with");
        }
        double ratio = last / before;
        String numbers = String.format(java.util.Locale.ROOT, "last period %.0f requests, %.1f times the %.0f before",
                last, ratio, before);
        return new Verdict(ratio >= factor, numbers);
    }
}
