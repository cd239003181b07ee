package dev.autopilot.detector.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.autopilot.support.problem.Problem;
import dev.autopilot.support.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a JSON document a source sent, collecting every problem instead of stopping at the first, so
 * one 400 answer names everything that is wrong. Field names in errors are the source's own ({@code MessageId}).
 */
public final class JsonFields {

    private final String prefix;
    private final List<Problem.FieldError> errors;

    private JsonFields(String prefix, List<Problem.FieldError> errors) {
        this.prefix = prefix;
        this.errors = errors;
    }

    public static JsonFields root(String prefix) {
        return new JsonFields(prefix, new ArrayList<>());
    }

    /** A reader for a nested object that reports into the same error list. */
    public JsonFields nested(String name) {
        return new JsonFields(path(name), errors);
    }

    public String requiredText(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            error(name, "is required");
            return null;
        }
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        if (value.asText().isBlank()) {
            error(name, "must not be blank");
            return null;
        }
        return value.asText();
    }

    public String optionalText(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error(name, "must be a string");
            return null;
        }
        return value.asText();
    }

    public Double optionalNumber(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            error(name, "must be a number");
            return null;
        }
        return value.asDouble();
    }

    public JsonNode optionalObject(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            error(name, "must be an object");
            return null;
        }
        return value;
    }

    public JsonNode optionalArray(JsonNode node, String name) {
        JsonNode value = node == null ? null : node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            error(name, "must be an array");
            return null;
        }
        return value;
    }

    public void error(String name, String message) {
        errors.add(new Problem.FieldError(path(name), message));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** Throws a 400 naming every problem found, if there was any. */
    public void throwIfInvalid(String what) {
        if (!errors.isEmpty()) {
            String detail = what + " is not valid: " + errors.stream()
                    .map(e -> e.field() + " " + e.message())
                    .reduce((a, b) -> a + "; " + b).orElse("");
            throw new ProblemException(400, "invalid-request", "The request is not valid", detail, errors);
        }
    }

    private String path(String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "." + name;
    }
}
