package dev.autopilot.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every stream's events must keep doing. The golden files under {@code golden/v1} were written by the first
 * version of each event; every later version of the contracts must still read them to the same values: change a
 * contract only by adding. Each stream has a subclass whose {@code goldenEvents()} says what its files hold.
 */
abstract class GoldenEventsContract {

    /** The stream whose events the subclass covers. */
    abstract EventStream<?> stream();

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void goldenFileStillDecodesToTheSameValues(Event expected) {
        Event decoded = EventCodec.decode(golden(Event.typeOf(expected)), expected.getClass());

        assertThat(decoded).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void encodingWritesWhatTheGoldenFileHolds(Event expected) throws IOException {
        JsonNode written = EventCodec.mapper().readTree(EventCodec.encode(expected));
        JsonNode golden = EventCodec.mapper().readTree(golden(Event.typeOf(expected)));

        assertThat(written).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void unknownFieldsFromNewerProducersAreIgnored(Event expected) throws IOException {
        ObjectNode newer = (ObjectNode) EventCodec.mapper().readTree(golden(Event.typeOf(expected)));
        newer.put("fieldAddedLater", "whatever");
        newer.putObject("nestedAddedLater").put("x", 1);

        Event decoded = EventCodec.decode(EventCodec.mapper().writeValueAsBytes(newer), expected.getClass());

        assertThat(decoded).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenEvents")
    void belongsToItsStreamAndIsKeyedByItsSubject(Event expected) {
        assertThat(Topics.streamOf(expected)).isSameAs(stream());
        assertThat(expected.subject()).isNotBlank();
        assertThat(expected.occurredAt()).isNotNull();
    }

    @Test
    void everyEventTypeOfTheStreamHasAGoldenFile() throws Exception {
        @SuppressWarnings("unchecked")
        Stream<Event> events = (Stream<Event>) getClass().getDeclaredMethod("goldenEvents").invoke(null);

        assertThat(events.map(Event::typeOf).toList()).containsExactlyInAnyOrderElementsOf(stream().typeNames());
    }

    static byte[] golden(String type) {
        String path = "/golden/v1/" + type + ".json";
        try (InputStream in = GoldenEventsContract.class.getResourceAsStream(path)) {
            assertThat(in).as("golden file %s", path).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
