package dev.autopilot.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server in the test JVM standing in for a team's webhook receiver (WireMock): it records every page
 * and answers 202 unless a test stubs another answer for its incident. Configures the service to post to it,
 * signed with {@link #SECRET}; tests get it in a field marked {@link InjectWebhookReceiver}.
 */
public class WebhookReceiverResource implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/hooks/autopilot";
    public static final String SECRET = "test-webhook-secret";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo(PATH)).atPriority(100).willReturn(aResponse().withStatus(202)));
        return Map.of(
                "notification.webhook.url", server.baseUrl() + PATH,
                "notification.webhook.secret", SECRET);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWebhookReceiver.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
