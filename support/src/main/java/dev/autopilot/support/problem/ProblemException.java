package dev.autopilot.support.problem;

import java.util.List;

/**
 * An error a use case or resource raises on purpose; mapped once to problem+json. The slug names the kind of
 * problem ({@code not-found}, {@code invalid-request}, ...), the detail says what is wrong with this request.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "invalid-request", "The request is not valid", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return new ProblemException(400, "invalid-request", "The request is not valid", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String what, String id) {
        return new ProblemException(404, "not-found", "Not found", "no " + what + " with id " + id);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "The request conflicts with the current state", detail);
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Temporarily unavailable", detail);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.type(slug), title, status, getMessage(), instance, errors);
    }
}
