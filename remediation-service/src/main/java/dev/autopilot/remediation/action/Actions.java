package dev.autopilot.remediation.action;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every action the playbooks may call, by the service it talks to. */
@ApplicationScoped
public class Actions {

    private final Map<String, Action> byService = new TreeMap<>();

    @Inject
    public Actions(Instance<Action> actions) {
        for (Action action : actions) {
            if (byService.put(action.service(), action) != null) {
                throw new IllegalStateException("two actions talk to " + action.service());
            }
        }
    }

    public Optional<Action> forService(String service) {
        return Optional.ofNullable(byService.get(service));
    }

    /** What an operation does; empty when no action runs it. */
    public Optional<Effect> effectOf(String service, String operation) {
        return forService(service).map(action -> action.operations().get(operation));
    }

    /** The services and their operations, for validating playbooks and for people. */
    public Map<String, Action> all() {
        return java.util.Collections.unmodifiableMap(byService);
    }
}
