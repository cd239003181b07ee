package dev.autopilot.remediation.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Says whether one more change of a kind on a target would exceed its rate limit, from this service's history. */
@ApplicationScoped
public class RateLimitGuard {

    private final RateLimits limits;
    private final TargetHistory history;

    @Inject
    public RateLimitGuard(RateLimits limits, TargetHistory history) {
        this.limits = limits;
        this.history = history;
    }

    /** Why the change may not run now, for people; empty when it may (or its kind is not limited). */
    public Optional<String> refusal(String target, String kind, Instant now) {
        Optional<RateLimit> limit = limits.of(kind);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        List<Instant> done = history.executions(target, kind, now.minus(limit.get().window()));
        if (limit.get().allows(done, now)) {
            return Optional.empty();
        }
        return Optional.of(done.size() + " " + kind + " actions on " + target + " within "
                + limit.get().window().toMinutes() + " minutes (the limit is " + limit.get().max()
                + "): automation stops, people take over; allowed again from "
                + limit.get().allowedAgainAt(done, now).map(Object::toString).orElse("now"));
    }
}
