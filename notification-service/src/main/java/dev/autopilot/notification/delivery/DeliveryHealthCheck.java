package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Channels;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while the dispatcher works: reports the deliveries waiting and due, each channel as configured or not
 * (naming the missing setting; an unconfigured channel is skipped for a contact's next one, it does not stop the
 * service), and the dispatcher's last failure.
 */
@Readiness
@ApplicationScoped
public class DeliveryHealthCheck implements HealthCheck {

    private final DeliveryRepository deliveries;
    private final DeliveryDispatcher dispatcher;
    private final Channels channels;
    private final Clock clock;

    @Inject
    public DeliveryHealthCheck(DeliveryRepository deliveries, DeliveryDispatcher dispatcher, Channels channels,
            Clock clock) {
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("notification dispatcher");
        for (Channel channel : channels.all()) {
            response.withData("channel " + channel.name(), channel.isConfigured() ? "configured"
                    : "unconfigured: set " + channel.missingSettings());
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> response
                    .withData("pending", deliveries.countPending())
                    .withData("due", deliveries.countDue(clock.instant())));
        } catch (RuntimeException e) {
            return response.down().withData("error", String.valueOf(e.getMessage())).build();
        }
        Exception failure = dispatcher.worker().lastFailure();
        if (failure != null) {
            return response.down().withData("lastFailure", String.valueOf(failure.getMessage())).build();
        }
        return response.up().build();
    }
}
