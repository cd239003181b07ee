package dev.autopilot.notification.channel.pagerduty;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.JsonEndpoint;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends {@link PagerDutyEvent}s to the Events API v2. PagerDuty answers 202 {@code success}; 429 and 5xx are worth
 * retrying; 400 ({@code invalid event}: a wrong routing key, a malformed event) is final.
 */
@ApplicationScoped
public class PagerDutyChannel implements Channel {

    public static final String NAME = "pagerduty";

    private final JsonEndpoint endpoint;
    private final Optional<String> routingKey;
    private final ObjectMapper json;

    @Inject
    public PagerDutyChannel(PagerDutyConfig config, ObjectMapper json) {
        URI url = JsonEndpoint.parseUrl(Optional.of(config.eventsUrl()), "notification.pagerduty.events-url")
                .orElseThrow(() -> new IllegalArgumentException("notification.pagerduty.events-url is blank"));
        this.endpoint = new JsonEndpoint(url, "PagerDuty", config.connectTimeout(), config.requestTimeout());
        this.routingKey = config.routingKey().filter(k -> !k.isBlank()).map(String::trim);
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isConfigured() {
        return routingKey.isPresent();
    }

    @Override
    public String missingSettings() {
        return "notification.pagerduty.routing-key (PAGERDUTY_ROUTING_KEY)";
    }

    @Override
    public boolean accepts(String address) {
        return address == null || address.matches("[A-Za-z0-9]{20,64}");
    }

    /** A contact with a routing key of its own is reachable even without the default one. */
    @Override
    public boolean canReach(String address) {
        return accepts(address) && (address != null || routingKey.isPresent());
    }

    @Override
    public Duration timeout() {
        return endpoint.timeout();
    }

    @Override
    public SendResult send(Page page) {
        Optional<String> key = Optional.ofNullable(page.recipient().address()).or(() -> routingKey);
        if (key.isEmpty()) {
            return SendResult.permanent(null, "the pagerduty channel has no routing key (set PAGERDUTY_ROUTING_KEY)");
        }
        return endpoint.postJson(json, PagerDutyEvent.from(page, key.get()), Map.of());
    }
}
