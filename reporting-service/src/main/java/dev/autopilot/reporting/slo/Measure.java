package dev.autopilot.reporting.slo;

/**
 * How a check sample counts towards an objective: each sample is some good weight out of a total weight, and an
 * objective's attainment is the good share of all the weight in its window.
 */
public enum Measure {

    /** A probe: value 1 succeeded, 0 failed; each probe weighs one ({@code availability}). */
    SUCCESS_RATIO,

    /**
     * A statistic over a period, good when under the threshold ({@code latency}: the pipeline's P95 under 45 s);
     * each sample weighs its period, so the attainment is the share of time the objective held.
     */
    BELOW_THRESHOLD,

    /**
     * The share of requests that failed over a period, in percent ({@code error-rate}); the rest were good. Each
     * sample weighs its period, so the attainment is the share of good requests, at a steady request rate.
     */
    PERCENT_BAD;

    /** The weight of a sample when it does not say its period. */
    public static final double DEFAULT_PERIOD_SECONDS = 60;

    /** The good weight of one sample. */
    double good(double value, Double threshold, double weight) {
        switch (this) {
            case SUCCESS_RATIO:
                return value >= 1 ? weight : 0;
            case BELOW_THRESHOLD:
                return threshold != null && value < threshold ? weight : 0;
            default:
                return weight * (1 - Math.min(100, Math.max(0, value)) / 100);
        }
    }

    /** The total weight of one sample: one probe, or the seconds of its period. */
    double weight(Double periodSeconds) {
        if (this == SUCCESS_RATIO) {
            return 1;
        }
        return periodSeconds != null && periodSeconds > 0 ? periodSeconds : DEFAULT_PERIOD_SECONDS;
    }
}
