package dev.autopilot.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem
 * @param title    a short summary of that kind
 * @param status   the HTTP status
 * @param detail   what is wrong with this request
 * @param instance the request path
 * @param errors   for invalid input: each field and what is wrong with it
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:autopilot:problem:";

    /** One invalid field: where it is ({@code body.alarmName}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
