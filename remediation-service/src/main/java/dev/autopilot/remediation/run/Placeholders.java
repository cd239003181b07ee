package dev.autopilot.remediation.run;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the placeholders of a step's parameters when the step runs. A placeholder is in angle brackets:
 * <ul>
 * <li>{@code <name>}: the fact of that name an earlier step found ({@code <family>}, {@code <N-1>});</li>
 * <li>{@code <name+k>} or {@code <name-k>}: a numeric fact plus or minus k ({@code <desiredCount+2>});</li>
 * <li>{@code <time:pattern>}: the time the step runs, in UTC, formatted ({@code <time:yyyyMMdd-HHmmss>}).</li>
 * </ul>
 * A value that is one placeholder alone takes the fact's type (a number stays a number); inside a longer text it
 * is written in. A placeholder whose fact is unknown stays as it is and is reported.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final Pattern ARITHMETIC = Pattern.compile("(.+?)([+-])(\\d+)");

    private Placeholders() {
    }

    /**
     * The parameters with their placeholders resolved.
     *
     * @param parameters the values, as planned
     * @param unresolved the placeholders left, by name
     */
    public record Resolution(Map<String, Object> parameters, Set<String> unresolved) {

        public boolean complete() {
            return unresolved.isEmpty();
        }
    }

    public static Resolution resolve(Map<String, Object> parameters, Map<String, Object> facts, Instant now) {
        Set<String> unresolved = new LinkedHashSet<>();
        Map<String, Object> resolved = new LinkedHashMap<>();
        parameters.forEach((name, value) -> resolved.put(name, resolveValue(value, facts, now, unresolved)));
        return new Resolution(Collections.unmodifiableMap(resolved), Collections.unmodifiableSet(unresolved));
    }

    private static Object resolveValue(Object value, Map<String, Object> facts, Instant now, Set<String> unresolved) {
        if (value instanceof String text) {
            return resolveText(text, facts, now, unresolved);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(resolveValue(item, facts, now, unresolved)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), resolveValue(v, facts, now, unresolved)));
            return out;
        }
        return value;
    }

    private static Object resolveText(String text, Map<String, Object> facts, Instant now, Set<String> unresolved) {
        Matcher whole = PLACEHOLDER.matcher(text);
        if (whole.matches()) {
            Object value = valueOf(whole.group(1), facts, now);
            if (value == null) {
                unresolved.add(whole.group(1));
                return text;
            }
            return value;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = valueOf(matcher.group(1), facts, now);
            if (value == null) {
                unresolved.add(matcher.group(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static Object valueOf(String name, Map<String, Object> facts, Instant now) {
        if (name.startsWith("time:")) {
            return DateTimeFormatter.ofPattern(name.substring("time:".length())).withZone(ZoneOffset.UTC).format(now);
        }
        if (facts.containsKey(name)) {
            return facts.get(name);
        }
        Matcher arithmetic = ARITHMETIC.matcher(name);
        if (arithmetic.matches() && facts.get(arithmetic.group(1)) instanceof Number base) {
            long delta = Long.parseLong(arithmetic.group(3));
            long result = base.longValue() + ("+".equals(arithmetic.group(2)) ? delta : -delta);
            return result >= Integer.MIN_VALUE && result <= Integer.MAX_VALUE ? (Object) (int) result : (Object) result;
        }
        return null;
    }
}
