package dev.autopilot.notification;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a body we send with documented examples of the peer's format (the fixtures copied from its
 * documentation): every field we send must be one the examples have, holding the same kind of JSON value. Array
 * elements are compared with the examples' elements; an element with a {@code type} only with examples of that type,
 * and it passes when one of them accepts it.
 */
public final class JsonShapes {

    private JsonShapes() {
    }

    /** Where the body departs from the examples, one line a place; empty when it does not. */
    public static List<String> undocumented(JsonNode body, JsonNode documented, Set<String> freeForm) {
        List<String> problems = new ArrayList<>();
        compare(body, List.of(documented), "", freeForm, problems);
        return problems;
    }

    private static void compare(JsonNode ours, List<JsonNode> examples, String path, Set<String> freeForm,
            List<String> problems) {
        if (freeForm.contains(path)) {
            return;
        }
        List<String> best = null;
        for (JsonNode example : examples) {
            List<String> found = new ArrayList<>();
            compareWith(ours, example, path, freeForm, found);
            if (best == null || found.size() < best.size()) {
                best = found;
            }
        }
        problems.addAll(best == null ? List.of(path + ": nothing documented to compare with") : best);
    }

    private static void compareWith(JsonNode ours, JsonNode example, String path, Set<String> freeForm,
            List<String> problems) {
        if (!kind(ours).equals(kind(example))) {
            problems.add(path + ": " + kind(ours) + " where the documented body has " + kind(example));
        } else if (ours.isObject()) {
            for (Map.Entry<String, JsonNode> field : ours.properties()) {
                JsonNode documented = example.get(field.getKey());
                if (documented == null) {
                    problems.add(path + "/" + field.getKey() + ": not in the documented body");
                } else {
                    compare(field.getValue(), List.of(documented), path + "/" + field.getKey(), freeForm, problems);
                }
            }
        } else if (ours.isArray()) {
            for (int i = 0; i < ours.size(); i++) {
                JsonNode element = ours.get(i);
                List<JsonNode> candidates = new ArrayList<>();
                for (JsonNode documented : example) {
                    if (!element.has("type") || element.get("type").equals(documented.get("type"))) {
                        candidates.add(documented);
                    }
                }
                if (candidates.isEmpty()) {
                    problems.add(path + "[" + i + "]: no documented element"
                            + (element.has("type") ? " of type " + element.get("type").asText() : ""));
                } else {
                    compare(element, candidates, path + "[" + i + "]", freeForm, problems);
                }
            }
        }
    }

    private static String kind(JsonNode node) {
        return node.isNumber() ? "a number" : node.isTextual() ? "a string" : node.isBoolean() ? "a boolean"
                : node.isObject() ? "an object" : node.isArray() ? "an array" : "null";
    }
}
