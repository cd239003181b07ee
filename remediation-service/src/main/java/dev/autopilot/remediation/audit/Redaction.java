package dev.autopilot.remediation.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Takes secrets out of what is recorded: a value whose name says it is secret (a password, a token, a secret
 * string, an authorization header, a key) becomes {@value #REDACTED}. Names are compared without case and
 * without {@code -} or {@code _}.
 */
public final class Redaction {

    public static final String REDACTED = "***";

    private static final Set<String> SECRET_NAMES = Set.of("secretstring", "secretbinary", "password", "authorization",
            "token", "accesstoken", "apikey", "secretaccesskey", "sessiontoken", "privatekey", "cookie");

    private Redaction() {
    }

    /** A copy of the map with every secret value redacted, at any depth. */
    public static Map<String, Object> redact(Map<String, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> out.put(name, isSecret(name) && value != null ? REDACTED : redactValue(value)));
        return out;
    }

    /** Whether a value of that name is a secret. */
    public static boolean isSecret(String name) {
        String normalised = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return SECRET_NAMES.contains(normalised);
    }

    @SuppressWarnings("unchecked")
    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return redact((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(redactValue(item)));
            return out;
        }
        return value;
    }
}
