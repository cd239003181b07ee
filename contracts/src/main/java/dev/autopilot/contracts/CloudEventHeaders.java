package dev.autopilot.contracts;

/**
 * The CloudEvents attributes every record carries as Kafka headers (the CloudEvents Kafka binding, binary mode).
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_VALUE = "1.0";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    private static final String SOURCE_PREFIX = "/autopilot/";

    /** The {@code ce_source} of a service: {@code /autopilot/<service>}. */
    public static String sourceOf(String service) {
        return SOURCE_PREFIX + service;
    }

    /** The service that produced an event, from its {@code ce_source}; the source itself if it is not one of ours. */
    public static String serviceOf(String source) {
        if (source == null) {
            return null;
        }
        return source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
    }
}
