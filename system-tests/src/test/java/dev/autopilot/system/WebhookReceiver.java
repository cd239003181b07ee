package dev.autopilot.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A real HTTP endpoint standing in for the on-call team's webhook: records every page it receives. */
final class WebhookReceiver implements AutoCloseable {

    record Received(Map<String, List<String>> headers, String body, long receivedAtNanos) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hooks/oncall", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, System.nanoTime()));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/oncall";
    }

    /** The pages (not resolve notices or remediation news) received about an incident. */
    List<Received> pagesAbout(String incidentId) {
        return received.stream().filter(r -> {
            try {
                JsonNode body = JSON.readTree(r.body());
                return incidentId.equals(body.path("incidentId").asText()) && "PAGE".equals(body.path("kind").asText());
            } catch (IOException e) {
                return false;
            }
        }).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
