package dev.autopilot.remediation.action;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * The fields of an AWS SDK request as the SDK holds them, under their wire names: what is recorded for a step, sent
 * or (in a dry run) not. Fields left unset are left out.
 */
public final class SdkRequests {

    private SdkRequests() {
    }

    public static Map<String, Object> fields(SdkPojo request) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (SdkField<?> field : request.sdkFields()) {
            Object value = field.getValueOrDefault(request);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            out.put(name(field), plain(value));
        }
        return out;
    }

    private static String name(SdkField<?> field) {
        String location = field.locationName();
        return location == null || location.isBlank() ? field.memberName() : location;
    }

    private static Object plain(Object value) {
        if (value instanceof SdkPojo pojo) {
            return fields(pojo);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof SdkBytes bytes) {
            return "<" + bytes.asByteArrayUnsafe().length + " bytes>";
        }
        return value;
    }
}
