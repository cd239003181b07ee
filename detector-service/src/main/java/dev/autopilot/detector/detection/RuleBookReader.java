package dev.autopilot.detector.detection;

import dev.autopilot.contracts.Severity;
import dev.autopilot.contracts.recommendation.ScalingDirection;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the rule table from YAML and checks every rule, so a bad file stops the start with a message naming the
 * line and the problem (all problems at once). The format:
 *
 * <pre>
 * rules:
 *   - name: pipeline-p95-over-60s            # required, unique, lower-case words and dashes
 *     description: P95 of the pipeline over 60 s
 *     match:                                 # required: source, title or any label; * is a wildcard; a list is any-of
 *       source: check
 *       metric: PipelineExecutionTime
 *     above: 60                              # optional threshold on the signal's value (above and/or below)
 *     for: 5m                                # optional: how long it must hold (s, m, h)
 *     severity: P1                           # P0..P3, with type, unless the rule recommends
 *     type: degradation
 *     group: operations                      # optional: incidents of one service and group correlate
 *     service: t-developer-service-production # optional: the service it concerns, if not the signal's own
 *     agent: parser                          # optional: the agent it concerns, one of the managed service's agents
 *     recommend: scale-out                   # instead of severity and type: scale-out or scale-in
 * </pre>
 */
public final class RuleBookReader {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(s|m|h)");
    private static final Set<String> FIELDS = Set.of("name", "description", "match", "above", "below", "for",
            "severity", "type", "group", "service", "agent", "recommend");

    private RuleBookReader() {
    }

    /** Reads and checks a rule table; the source names it in messages (a path or {@code classpath:...}). */
    public static RuleBook read(String source, Reader yaml) {
        Problems problems = new Problems(source);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(yaml);
        } catch (MarkedYAMLException e) {
            throw new InvalidRuleBookException(source + " line " + (e.getProblemMark().getLine() + 1)
                    + ": not valid YAML: " + e.getProblem());
        }
        List<Rule> rules = new ArrayList<>();
        if (!(root instanceof MappingNode document) || field(document, "rules") == null) {
            problems.add(root, "must be a mapping with a 'rules' list");
            problems.throwIfAny();
        }
        Node list = field((MappingNode) root, "rules");
        if (!(list instanceof SequenceNode sequence)) {
            problems.add(list, "'rules' must be a list");
            problems.throwIfAny();
            return null;
        }
        Set<String> names = new HashSet<>();
        for (Node item : sequence.getValue()) {
            Rule rule = rule(item, problems);
            if (rule != null && !names.add(rule.name())) {
                problems.add(item, "rule '" + rule.name() + "' is defined twice");
            }
            if (rule != null) {
                rules.add(rule);
            }
        }
        problems.throwIfAny();
        return new RuleBook(source, rules);
    }

    public static RuleBook read(String source, String yaml) {
        return read(source, new StringReader(yaml));
    }

    private static Rule rule(Node node, Problems problems) {
        if (!(node instanceof MappingNode mapping)) {
            problems.add(node, "a rule must be a mapping");
            return null;
        }
        int before = problems.count();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(tuple.getKeyNode());
            if (!FIELDS.contains(key)) {
                problems.add(tuple.getKeyNode(), "unknown field '" + key + "' (known: " + String.join(", ",
                        FIELDS.stream().sorted().toList()) + ")");
            }
        }
        String name = text(mapping, "name", problems, true);
        String prefix = name == null ? "a rule" : "rule '" + name + "'";
        if (name != null && !NAME.matcher(name).matches()) {
            problems.add(field(mapping, "name"), prefix + ": name must be lower-case words joined by dashes");
        }
        Map<String, List<Glob>> match = match(mapping, prefix, problems);
        Double above = number(mapping, "above", prefix, problems);
        Double below = number(mapping, "below", prefix, problems);
        Duration holdFor = duration(mapping, prefix, problems);
        ScalingDirection recommend = null;
        String recommendText = text(mapping, "recommend", problems, false);
        if (recommendText != null) {
            recommend = switch (recommendText) {
                case "scale-out" -> ScalingDirection.OUT;
                case "scale-in" -> ScalingDirection.IN;
                default -> {
                    problems.add(field(mapping, "recommend"), prefix + ": recommend must be scale-out or scale-in, not "
                            + recommendText);
                    yield null;
                }
            };
        }
        Severity severity = null;
        String severityText = text(mapping, "severity", problems, false);
        String type = text(mapping, "type", problems, false);
        if (recommendText == null) {
            if (severityText == null) {
                problems.add(mapping, prefix + ": severity is required (P0, P1, P2 or P3) unless it recommends scaling");
            } else {
                try {
                    severity = Severity.valueOf(severityText.trim().toUpperCase(Locale.ROOT));
                    if (severity == Severity.UNKNOWN) {
                        throw new IllegalArgumentException();
                    }
                } catch (IllegalArgumentException e) {
                    problems.add(field(mapping, "severity"), prefix + ": severity must be P0, P1, P2 or P3, not "
                            + severityText);
                }
            }
            if (type == null) {
                problems.add(mapping, prefix + ": type is required (the incident type remediation picks its playbook by)");
            } else if (!NAME.matcher(type).matches()) {
                problems.add(field(mapping, "type"), prefix + ": type must be lower-case words joined by dashes");
            }
        } else if (severityText != null || type != null) {
            problems.add(mapping, prefix + ": a rule that recommends scaling has no severity or type");
        }
        String group = text(mapping, "group", problems, false);
        if (group == null && type != null) {
            group = "security".equals(type) || "data-loss".equals(type) ? type : RuleBook.DEFAULT_GROUP;
        }
        String agent = text(mapping, "agent", problems, false);
        if (agent != null && !NAME.matcher(agent).matches()) {
            problems.add(field(mapping, "agent"), prefix + ": agent must be lower-case words joined by dashes, as the"
                    + " managed service's agents are named");
        }
        if (problems.count() > before) {
            return null;
        }
        return new Rule(name, text(mapping, "description", problems, false), match, above, below, holdFor, severity,
                type, group, text(mapping, "service", problems, false), agent, recommend, line(mapping));
    }

    private static Map<String, List<Glob>> match(MappingNode rule, String prefix, Problems problems) {
        Node node = field(rule, "match");
        Map<String, List<Glob>> match = new LinkedHashMap<>();
        if (node == null) {
            problems.add(rule, prefix + ": match is required (which signals the rule is about)");
            return match;
        }
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            problems.add(node, prefix + ": match must be a non-empty mapping of attribute to pattern");
            return match;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String attribute = scalar(tuple.getKeyNode());
            List<Glob> globs = new ArrayList<>();
            if (tuple.getValueNode() instanceof ScalarNode value) {
                globs.add(Glob.of(value.getValue()));
            } else if (tuple.getValueNode() instanceof SequenceNode values && !values.getValue().isEmpty()) {
                for (Node value : values.getValue()) {
                    if (value instanceof ScalarNode scalar) {
                        globs.add(Glob.of(scalar.getValue()));
                    } else {
                        problems.add(value, prefix + ": match." + attribute + " must list text patterns");
                    }
                }
            } else {
                problems.add(tuple.getValueNode(), prefix + ": match." + attribute
                        + " must be a pattern or a non-empty list of patterns");
            }
            match.put(attribute, globs);
        }
        return match;
    }

    private static Double number(MappingNode rule, String name, String prefix, Problems problems) {
        Node node = field(rule, name);
        if (node == null) {
            return null;
        }
        try {
            return Double.valueOf(scalar(node));
        } catch (NumberFormatException | NullPointerException e) {
            problems.add(node, prefix + ": " + name + " must be a number");
            return null;
        }
    }

    private static Duration duration(MappingNode rule, String prefix, Problems problems) {
        Node node = field(rule, "for");
        if (node == null) {
            return Duration.ZERO;
        }
        String text = scalar(node);
        Matcher matcher = text == null ? null : DURATION.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            problems.add(node, prefix + ": for must be a duration like 30s, 2m or 1h");
            return Duration.ZERO;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    private static String text(MappingNode rule, String name, Problems problems, boolean required) {
        Node node = field(rule, name);
        if (node == null) {
            if (required) {
                problems.add(rule, "a rule needs a " + name);
            }
            return null;
        }
        String value = scalar(node);
        if (value == null || value.isBlank()) {
            problems.add(node, name + " must be text");
            return null;
        }
        return value;
    }

    private static Node field(MappingNode mapping, String name) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (name.equals(scalar(tuple.getKeyNode()))) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : null;
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** Every problem found, each with its line. */
    private static final class Problems {
        private final String source;
        private final List<String> messages = new ArrayList<>();

        Problems(String source) {
            this.source = source;
        }

        void add(Node node, String message) {
            messages.add(source + " line " + line(node) + ": " + message);
        }

        int count() {
            return messages.size();
        }

        void throwIfAny() {
            if (!messages.isEmpty()) {
                throw new InvalidRuleBookException(String.join("\n", messages));
            }
        }
    }
}
