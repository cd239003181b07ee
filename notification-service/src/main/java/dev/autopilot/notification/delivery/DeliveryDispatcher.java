package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Channels;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import dev.autopilot.support.worker.SignalledWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Woken right after a commit that scheduled pages (no polling delay on the hot path), and
 * by a fallback poll that fires retries and deliveries left by a restart or another replica.
 *
 * <p>Each delivery is one transaction: claim the due row ({@code FOR UPDATE SKIP LOCKED}, so two replicas never
 * send the same one), send it through its channel, record the attempt and, when it is done, its event. Should the
 * process die between the channel's answer and the commit, the row is still pending and is sent again with the
 * same {@code Idempotency-Key}, by which a receiver recognises it.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** Time for the database work around a send, on top of the channel's own timeout. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final Channels channels;
    private final NotificationPublisher publisher;
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final int transactionTimeoutSeconds;
    private final SignalledWorker worker;

    @Inject
    public DeliveryDispatcher(DeliveryRepository deliveries, Channels channels, NotificationPublisher publisher,
            DeliveryConfig config, Clock clock, MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.publisher = publisher;
        this.config = config;
        this.backoff = Backoff.from(config.backoff());
        this.clock = clock;
        this.metrics = metrics;
        this.transactionTimeoutSeconds = (int) channels.all().stream().map(Channel::timeout)
                .max(Duration::compareTo).orElse(Duration.ZERO).plus(TRANSACTION_MARGIN).toSeconds();
        this.worker = new SignalledWorker("notification-dispatcher", config.fallbackInterval(), this::dispatchNext);
    }

    void start(@Observes StartupEvent event) {
        if (channels.named(config.channel()).isEmpty()) {
            throw new IllegalStateException("notification.delivery.channel: no channel named '" + config.channel()
                    + "'; known: " + channels.names());
        }
        worker.start();
        worker.wake();
    }

    void stop(@Observes ShutdownEvent event) {
        worker.close();
    }

    /** The dispatcher's thread, for waking it after a commit. */
    public SignalledWorker worker() {
        return worker;
    }

    /** The channel new pages go through. */
    public String pageChannel() {
        return config.channel();
    }

    /**
     * Sends the delivery due first, if any; true when one was handled (more may be due). When none is due, asks
     * to be woken when the next one is (a retry backing off), so retries fire on time without a short poll.
     */
    boolean dispatchNext() {
        return QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
            Instant now = clock.instant();
            Optional<Delivery> claimed = deliveries.claimNextDue(now);
            if (claimed.isPresent()) {
                attempt(claimed.get());
                return true;
            }
            deliveries.nextDueAt().ifPresent(due -> worker.wakeWithin(Duration.between(now, due)));
            return false;
        });
    }

    private void attempt(Delivery delivery) {
        Instant started = clock.instant();
        SendResult result = channels.named(delivery.channel())
                .map(channel -> send(channel, delivery))
                .orElseGet(() -> SendResult.permanent(null, "no channel named '" + delivery.channel() + "'"));
        DeliveryStatus status = delivery.recordAttempt(result, started, clock.instant(), backoff, config.maxAttempts());
        metrics.counter("autopilot_notifications_total", "channel", delivery.channel(),
                "outcome", outcomeLabel(status)).increment();
        switch (status) {
            case SENT -> {
                publisher.sent(delivery);
                LOG.infof("incident %s: page %s to %s sent via %s (step %d, attempt %d)", delivery.incidentId(),
                        delivery.id(), delivery.recipientLabel(), delivery.channel(), delivery.escalationStep(),
                        delivery.attempts());
            }
            case FAILED -> {
                publisher.failed(delivery);
                LOG.warnf("incident %s: page %s to %s via %s failed for good after %d attempt(s): %s",
                        delivery.incidentId(), delivery.id(), delivery.recipientLabel(), delivery.channel(),
                        delivery.attempts(), delivery.reason());
            }
            default -> LOG.warnf("incident %s: page %s to %s via %s failed (attempt %d of %d), retrying at %s: %s",
                    delivery.incidentId(), delivery.id(), delivery.recipientLabel(), delivery.channel(),
                    delivery.attempts(), config.maxAttempts(), delivery.dueAt(), delivery.reason());
        }
    }

    private SendResult send(Channel channel, Delivery delivery) {
        try {
            return channel.send(delivery.page(links(delivery.incidentId())));
        } catch (RuntimeException e) {
            // a channel must not throw; if one does, the page is retried like any other failure, within its bound
            LOG.errorf(e, "incident %s: channel %s failed unexpectedly", delivery.incidentId(), channel.name());
            return SendResult.retryable(null, "the channel failed unexpectedly: " + e.getClass().getSimpleName());
        }
    }

    private Page.Links links(String incidentId) {
        String id = URLEncoder.encode(incidentId, StandardCharsets.UTF_8).replace("+", "%20");
        return new Page.Links(
                under(config.links().detectorUrl(), "incidents/" + id + "/acknowledge"),
                under(config.links().reportingUrl(), "incidents/" + id + "/timeline"));
    }

    private static URI under(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text : text + "/") + path);
    }

    private static String outcomeLabel(DeliveryStatus status) {
        return switch (status) {
            case SENT -> "sent";
            case FAILED -> "failed";
            default -> "retried";
        };
    }
}
