package dev.autopilot.remediation.action.ecs;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Revision N-1 of a task definition family, done right: the newest ACTIVE revision below the current one, skipping
 * revisions that were deregistered (gaps), and never one of another family that merely shares the prefix
 * ({@code web-worker} is not {@code web}).
 */
public final class PreviousRevision {

    private static final Pattern FAMILY_REVISION = Pattern.compile("(?:.*task-definition/)?([A-Za-z0-9_-]+):(\\d+)");

    private PreviousRevision() {
    }

    /**
     * A task definition by family and revision.
     *
     * @param family   its family
     * @param revision its revision
     */
    public record TaskDefinition(String family, int revision) {

        /** {@code family:revision}, as UpdateService takes it. */
        @Override
        public String toString() {
            return family + ":" + revision;
        }
    }

    /** The family and revision of a task definition ARN or {@code family:revision}; empty if it is neither. */
    public static Optional<TaskDefinition> parse(String arnOrName) {
        if (arnOrName == null) {
            return Optional.empty();
        }
        Matcher matcher = FAMILY_REVISION.matcher(arnOrName);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new TaskDefinition(matcher.group(1), Integer.parseInt(matcher.group(2))));
    }

    /** The newest of the ACTIVE task definitions (ARNs, any order) of the current one's family below it. */
    public static Optional<TaskDefinition> choose(TaskDefinition current, Collection<String> activeArns) {
        return activeArns.stream()
                .map(PreviousRevision::parse)
                .flatMap(Optional::stream)
                .filter(candidate -> candidate.family().equals(current.family()))
                .filter(candidate -> candidate.revision() < current.revision())
                .max((a, b) -> Integer.compare(a.revision(), b.revision()));
    }
}
