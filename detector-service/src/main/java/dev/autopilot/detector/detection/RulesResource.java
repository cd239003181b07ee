package dev.autopilot.detector.detection;

import dev.autopilot.support.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rule table in force. */
@Path("/rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** One rule as the API shows it. */
    public record RuleView(String name, String description, Map<String, List<String>> match, Double above,
            Double below, String holdFor, String severity, String type, String group, String service, String agent,
            String recommend, int line) {

        static RuleView from(Rule rule) {
            Map<String, List<String>> match = new TreeMap<>();
            rule.match().forEach((attribute, globs) -> match.put(attribute, globs.stream().map(Glob::text).toList()));
            return new RuleView(rule.name(), rule.description(), match, rule.above(), rule.below(),
                    rule.holdFor().toString(), rule.severity() == null ? null : rule.severity().name(), rule.type(),
                    rule.group(), rule.service(), rule.agent(),
                    rule.recommend() == null ? null : "scale-" + rule.recommend().name().toLowerCase(), rule.line());
        }
    }

    /** The table and where it was read from. */
    public record RuleBookView(String source, List<RuleView> rules) {
    }

    private final RuleEngine engine;

    @Inject
    public RulesResource(RuleEngine engine) {
        this.engine = engine;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    public RuleBookView rules() {
        return new RuleBookView(engine.book().source(), engine.book().rules().stream().map(RuleView::from).toList());
    }
}
