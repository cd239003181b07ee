package dev.autopilot.support.security;

import java.util.Set;

/**
 * The four roles a bearer token can carry. A stronger role includes the weaker ones it needs: an admin may do
 * everything, a responder may also read.
 */
public final class Roles {

    /** Read status and history. */
    public static final String VIEWER = "viewer";
    /** Acknowledge, resolve, approve. */
    public static final String RESPONDER = "responder";
    /** Everything, including configuration and manual actions. */
    public static final String ADMIN = "admin";
    /** Post signals to the intake endpoints, and nothing else. */
    public static final String INTAKE = "intake";

    public static final Set<String> ALL = Set.of(VIEWER, RESPONDER, ADMIN, INTAKE);

    private Roles() {
    }

    /** The roles a token of the given role holds. */
    public static Set<String> grantedTo(String role) {
        return switch (role) {
            case ADMIN -> Set.of(ADMIN, RESPONDER, VIEWER, INTAKE);
            case RESPONDER -> Set.of(RESPONDER, VIEWER);
            case VIEWER -> Set.of(VIEWER);
            case INTAKE -> Set.of(INTAKE);
            default -> throw new IllegalArgumentException("unknown role " + role);
        };
    }
}
