package dev.autopilot.detector.incident;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.support.problem.ProblemException;

/**
 * The optional body of acknowledge and resolve, {@code {"note": "..."}}: why, or what happens next. No body at
 * all (whatever its content type) is a request without a note.
 */
public record TransitionRequest(String note) {

    static final int MAX_NOTE = 2000;

    static TransitionRequest read(ObjectMapper json, String body) {
        if (body == null || body.isBlank()) {
            return new TransitionRequest(null);
        }
        JsonNode document;
        try {
            document = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("the body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!document.isObject()) {
            throw ProblemException.invalidField("body", "must be a JSON object like {\"note\": \"...\"}");
        }
        JsonNode note = document.get("note");
        if (note == null || note.isNull()) {
            return new TransitionRequest(null);
        }
        if (!note.isTextual()) {
            throw ProblemException.invalidField("note", "must be a string");
        }
        if (note.asText().length() > MAX_NOTE) {
            throw ProblemException.invalidField("note", "must be at most " + MAX_NOTE + " characters");
        }
        return new TransitionRequest(note.asText());
    }
}
