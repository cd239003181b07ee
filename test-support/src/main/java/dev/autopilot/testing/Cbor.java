package dev.autopilot.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * CloudWatch's wire protocol for the SDK 2.57.8: smithy-rpc-v2-cbor. Requests are
 * {@code POST /service/GraniteServiceVersion20100801/operation/<Op>} with a CBOR body; responses must be CBOR
 * with {@code Content-Type: application/cbor}; timestamps are CBOR tag 1 around epoch seconds.
 */
public final class Cbor {

    private static final CBORMapper MAPPER = new CBORMapper();
    private static final CBORFactory FACTORY = new CBORFactory();

    private Cbor() {
    }

    /** A stub matching one CloudWatch operation. */
    public static MappingBuilder cloudWatch(String operation) {
        return WireMock.post(WireMock.urlPathEqualTo("/service/GraniteServiceVersion20100801/operation/" + operation));
    }

    /** A 200 answer carrying a CBOR body. */
    public static ResponseDefinitionBuilder ok(byte[] cbor) {
        return WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(cbor);
    }

    /** A CloudWatch error: HTTP 400 with {@code {"__type": "com.amazonaws.cloudwatch#<code>", "message": ...}}. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return WireMock.aResponse().withStatus(status)
                .withHeader("Content-Type", "application/cbor")
                .withHeader("smithy-protocol", "rpc-v2-cbor")
                .withBody(write(g -> {
                    g.writeStartObject();
                    g.writeStringField("__type", "com.amazonaws.cloudwatch#" + code);
                    g.writeStringField("message", message);
                    g.writeEndObject();
                }));
    }

    /** One result of a GetMetricData answer: the query id and its points. */
    public record MetricSeries(String id, String label, List<Instant> timestamps, List<Double> values) {
    }

    /** The body of a GetMetricData answer. */
    public static byte[] metricData(List<MetricSeries> series) {
        return write(g -> {
            g.writeStartObject();
            g.writeFieldName("MetricDataResults");
            g.writeStartArray();
            for (MetricSeries s : series) {
                g.writeStartObject();
                g.writeStringField("Id", s.id());
                g.writeStringField("Label", s.label());
                g.writeFieldName("Timestamps");
                g.writeStartArray();
                for (Instant t : s.timestamps()) {
                    timestamp(g, t);
                }
                g.writeEndArray();
                g.writeFieldName("Values");
                g.writeStartArray();
                for (Double v : s.values()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
                g.writeStringField("StatusCode", "Complete");
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("Messages");
            g.writeStartArray();
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** The body of a GetMetricStatistics answer: one statistic per point ({@code Average}, {@code Maximum}, ...). */
    public static byte[] metricStatistics(String label, String statistic, Map<Instant, Double> points, String unit) {
        return write(g -> {
            g.writeStartObject();
            g.writeStringField("Label", label);
            g.writeFieldName("Datapoints");
            g.writeStartArray();
            for (Map.Entry<Instant, Double> point : points.entrySet()) {
                g.writeStartObject();
                g.writeFieldName("Timestamp");
                timestamp(g, point.getKey());
                g.writeNumberField(statistic, point.getValue());
                g.writeStringField("Unit", unit);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** A request body the SDK sent, decoded, for assertions (timestamps decode as epoch seconds). */
    public static JsonNode read(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes any CBOR document. */
    public static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CBORGenerator generator = FACTORY.createGenerator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes a timestamp as CloudWatch does: tag 1, epoch seconds as a double. */
    public static void timestamp(JsonGenerator generator, Instant time) throws IOException {
        CBORGenerator cbor = (CBORGenerator) generator;
        cbor.writeTag(1);
        cbor.writeNumber(time.getEpochSecond() + time.getNano() / 1e9);
    }

    /** Writes part of a CBOR document. */
    @FunctionalInterface
    public interface Writer {
        void write(CBORGenerator generator) throws IOException;
    }
}
