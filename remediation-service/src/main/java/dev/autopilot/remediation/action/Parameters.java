package dev.autopilot.remediation.action;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A step's parameters, read by type; a missing or mistyped one is a permanent failure of the step. */
public final class Parameters {

    private final Map<String, Object> values;

    public Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Thrown for a parameter a step needs that is missing or not of the type the operation takes. */
    public static final class InvalidParameterException extends IllegalArgumentException {
        public InvalidParameterException(String message) {
            super(message);
        }
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public String string(String name) {
        return optionalString(name).orElseThrow(() -> missing(name));
    }

    public Optional<String> optionalString(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidParameterException("parameter " + name + " must be a text, not " + value);
        }
        return Optional.of(String.valueOf(value));
    }

    public int integer(String name) {
        return optionalInteger(name).orElseThrow(() -> missing(name));
    }

    public Optional<Integer> optionalInteger(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.intValue());
        }
        try {
            return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter " + name + " must be a whole number, not " + value);
        }
    }

    public Optional<Long> optionalLong(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(number.longValue());
        }
        try {
            return Optional.of(Long.parseLong(String.valueOf(value).trim()));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException("parameter " + name + " must be a whole number, not " + value);
        }
    }

    public Optional<Boolean> optionalBoolean(String name) {
        Object value = values.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        return Optional.of(Boolean.parseBoolean(String.valueOf(value)));
    }

    public List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            throw missing(name);
        }
        if (!(value instanceof List<?> list)) {
            return List.of(String.valueOf(value));
        }
        List<String> out = new ArrayList<>();
        list.forEach(item -> out.add(String.valueOf(item)));
        return out;
    }

    /** A list of objects, e.g. CloudWatch's {@code Dimensions: [{Name, Value}]}; empty when absent. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(String name) {
        Object value = values.get(name);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(item -> !(item instanceof Map))) {
            throw new InvalidParameterException("parameter " + name + " must be a list of objects, not " + value);
        }
        return (List<Map<String, Object>>) list;
    }

    private static InvalidParameterException missing(String name) {
        return new InvalidParameterException("parameter " + name + " is missing");
    }
}
