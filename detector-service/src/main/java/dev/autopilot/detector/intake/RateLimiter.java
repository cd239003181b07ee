package dev.autopilot.detector.intake;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per source: a source may post {@code perSecond} signals a second and {@code burst} at once.
 * A request that would overdraw its bucket takes nothing and learns how long to wait; nothing it was told was
 * accepted is dropped. Per replica, in memory.
 */
public final class RateLimiter {

    /** One source's limit. */
    public record Limit(int perSecond, int burst) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Function<String, Limit> limits;
    private final LongSupplier nanos;

    public RateLimiter(Function<String, Limit> limits, LongSupplier nanos) {
        this.limits = limits;
        this.nanos = nanos;
    }

    /** Takes {@code count} tokens of the source's bucket; when it has not that many, how long until it has. */
    public Optional<Duration> take(String source, int count) {
        return buckets.computeIfAbsent(source, s -> new Bucket(limits.apply(s), nanos.getAsLong()))
                .take(count, nanos.getAsLong());
    }

    private static final class Bucket {
        private final Limit limit;
        private double tokens;
        private long refilledAt;

        Bucket(Limit limit, long now) {
            this.limit = limit;
            this.tokens = limit.burst();
            this.refilledAt = now;
        }

        synchronized Optional<Duration> take(int count, long now) {
            tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / 1e9 * limit.perSecond());
            refilledAt = now;
            if (count <= tokens) {
                tokens -= count;
                return Optional.empty();
            }
            double missing = Math.min(count, limit.burst()) - tokens;
            long waitMillis = (long) Math.ceil(missing / limit.perSecond() * 1000);
            return Optional.of(Duration.ofMillis(Math.max(1, waitMillis)));
        }
    }
}
