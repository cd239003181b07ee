package dev.autopilot.remediation.playbook;

import java.time.Instant;
import java.util.List;

/** One of the runbook's responses: the ordered calls it makes for what it answers, on one target. */
public interface Playbook {

    /** The playbook's name ({@code outage}, {@code data-leak}, ...). */
    String name();

    /** The incident types it serves unless configuration says otherwise; by default the one named like it. */
    default List<String> types() {
        return List.of(name());
    }

    /**
     * What it acts on, as its lock names it: {@code ecs:<cluster>/<service>}, {@code s3:<bucket>},
     * {@code secretsmanager:<secret>}, {@code dynamodb:<table>}. One remediation per target runs at a time.
     */
    String target(Occasion occasion);

    /** The steps it takes for the occasion, in order, with their parameters as of {@code now}. */
    List<PlaybookStep> plan(Occasion occasion, Instant now);
}
