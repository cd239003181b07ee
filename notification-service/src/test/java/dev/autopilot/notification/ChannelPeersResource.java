package dev.autopilot.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The real protocol peers of the channels, in the test JVM: one HTTP server (WireMock) standing in for a team's
 * webhook receiver, Slack's incoming webhook and PagerDuty's Events API, each recording what it is sent and
 * answering as the real one does on success; and a real SMTP server (GreenMail) for email. SNS goes to the shared
 * AWS stub. Also sets the acknowledge links' secret. Tests get the peers in fields marked
 * {@link InjectChannelPeer}.
 */
public class ChannelPeersResource implements QuarkusTestResourceLifecycleManager {

    public static final String WEBHOOK_PATH = "/hooks/autopilot";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";
    public static final String SLACK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    public static final String PAGERDUTY_PATH = "/v2/enqueue";
    public static final String PAGERDUTY_ROUTING_KEY = "e93facc04764012d7bfb002500d5d1a6";
    public static final String LINKS_SECRET = "test-acknowledge-links-secret";

    private WireMockServer http;
    private GreenMail smtp;

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        http.start();
        http.stubFor(post(urlPathEqualTo(WEBHOOK_PATH)).atPriority(100).willReturn(aResponse().withStatus(202)));
        http.stubFor(post(urlPathEqualTo(SLACK_PATH)).atPriority(100)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("ok")));
        http.stubFor(post(urlPathEqualTo(PAGERDUTY_PATH)).atPriority(100).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"x\"}")));
        smtp = new GreenMail(new ServerSetup(ServerSetup.PORT_SMTP, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("notification.webhook.url", http.baseUrl() + WEBHOOK_PATH);
        config.put("notification.webhook.secret", WEBHOOK_SECRET);
        config.put("notification.slack.webhook-url", http.baseUrl() + SLACK_PATH);
        config.put("notification.pagerduty.events-url", http.baseUrl() + PAGERDUTY_PATH);
        config.put("notification.pagerduty.routing-key", PAGERDUTY_ROUTING_KEY);
        config.put("quarkus.mailer.host", "127.0.0.1");
        config.put("quarkus.mailer.port", Integer.toString(smtp.getSmtp().getPort()));
        config.put("quarkus.mailer.mock", "false");
        config.put("autopilot.links.secret", LINKS_SECRET);
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(http,
                new TestInjector.AnnotatedAndMatchesType(InjectChannelPeer.class, WireMockServer.class));
        injector.injectIntoFields(smtp,
                new TestInjector.AnnotatedAndMatchesType(InjectChannelPeer.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
