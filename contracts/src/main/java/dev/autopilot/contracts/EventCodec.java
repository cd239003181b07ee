package dev.autopilot.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The one JSON encoding of events, independent of any framework's mapper settings: ISO-8601 times, absent
 * values left out, unknown fields and unknown enum values tolerated (a consumer reads events written by newer
 * producers).
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventCodec() {
    }

    public static byte[] encode(Event event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode " + Event.typeOf(event), e);
        }
    }

    /**
     * Decodes one event.
     *
     * @throws UndecodableEventException when the bytes are not a valid event of that type
     */
    public static <T extends Event> T decode(byte[] json, Class<T> type) {
        if (json == null) {
            throw new UndecodableEventException("no payload for " + type.getSimpleName());
        }
        try {
            T event = MAPPER.readValue(json, type);
            if (event == null) {
                throw new UndecodableEventException("null payload for " + type.getSimpleName());
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UndecodableEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UndecodableEventException("not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** The mapper behind the codec, for tests that compare JSON trees. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}
