package dev.autopilot.notification.delivery;

import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Channels;
import dev.autopilot.notification.channel.SendResult;
import dev.autopilot.notification.dispatch.RestartableWorker;
import dev.autopilot.support.worker.SignalledWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * Sends due deliveries. Woken right after a commit that scheduled messages (no polling delay on the hot path), when
 * the next one comes due (a retry, a rate-limited message, a storm summary), and by a fallback poll for work other
 * replicas left.
 *
 * <p>Each delivery is one transaction: claim the due row ({@code FOR UPDATE SKIP LOCKED}, so two replicas never
 * send the same one), take its channel's rate-limit slot (or defer it to the next free one: queued, not dropped),
 * send it, record the attempt and, when it is done, its event. Should the process die between the channel's answer
 * and the commit, the row is still pending and is sent again with the same {@code Idempotency-Key}.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    /** Time for the database work around a send, on top of the channel's own timeout. */
    private static final Duration TRANSACTION_MARGIN = Duration.ofSeconds(30);

    private final DeliveryRepository deliveries;
    private final Channels channels;
    private final ChannelSlots slots;
    private final PageComposer composer;
    private final NotificationPublisher publisher;
    private final DeliveryConfig config;
    private final Backoff backoff;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final int transactionTimeoutSeconds;
    private final List<RestartableWorker> workers;

    @Inject
    public DeliveryDispatcher(DeliveryRepository deliveries, Channels channels, ChannelSlots slots,
            PageComposer composer, NotificationPublisher publisher, DeliveryConfig config, Clock clock,
            MeterRegistry metrics) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.slots = slots;
        this.composer = composer;
        this.publisher = publisher;
        this.config = config;
        this.backoff = Backoff.from(config.backoff());
        this.clock = clock;
        this.metrics = metrics;
        this.transactionTimeoutSeconds = (int) channels.all().stream().map(Channel::timeout)
                .max(Duration::compareTo).orElse(Duration.ZERO).plus(TRANSACTION_MARGIN).toSeconds();
        this.workers = IntStream.range(0, Math.max(1, config.workers())).mapToObj(i -> new RestartableWorker(
                "notification-dispatcher-" + i, config.fallbackInterval(), () -> dispatchNext(i))).toList();
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    /** Starts sending (again, after {@link #stop}: as a restarted process would, from what the database holds). */
    public void start() {
        workers.forEach(RestartableWorker::start);
    }

    /** Stops sending, as a shutdown does; nothing pending is lost, it stays in the database. */
    public void stop() {
        workers.forEach(RestartableWorker::stop);
    }

    /** The dispatcher's first thread, woken after a commit; it wakes the others while there is a backlog. */
    public SignalledWorker worker() {
        return workers.get(0).signal();
    }

    /**
     * Sends the delivery due first, if any; true when one was handled (more may be due). When none is due, asks
     * to be woken when the next one is, so retries fire on time without a short poll.
     */
    boolean dispatchNext(int worker) {
        return QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds).call(() -> {
            Instant now = clock.instant();
            Optional<Delivery> claimed = deliveries.claimNextDue(now);
            if (claimed.isPresent()) {
                if (worker + 1 < workers.size()) {
                    workers.get(worker + 1).signal().wake(); // more may be due: the next thread helps
                }
                attempt(claimed.get(), now);
                return true;
            }
            deliveries.nextDueAt().ifPresent(due -> worker().wakeWithin(Duration.between(now, due)));
            return false;
        });
    }

    private void attempt(Delivery delivery, Instant now) {
        Optional<Channel> channel = channels.named(delivery.channel());
        if (channel.isPresent() && channel.get().minimumInterval().isPresent()) {
            Optional<Instant> busyUntil = slots.take(channel.get().name(), now, channel.get().minimumInterval().get());
            if (busyUntil.isPresent()) {
                delivery.deferTo(busyUntil.get());
                worker().wakeWithin(Duration.between(now, busyUntil.get()));
                return;
            }
        }
        Instant started = clock.instant();
        SendResult result = channel.map(c -> send(c, delivery))
                .orElseGet(() -> SendResult.permanent(null, "no channel named '" + delivery.channel() + "'"));
        DeliveryStatus status = delivery.recordAttempt(result, started, clock.instant(), backoff, config.maxAttempts());
        metrics.counter("autopilot_notifications_total", "channel", delivery.channel(),
                "outcome", outcomeLabel(status)).increment();
        boolean announced = delivery.kind().aboutAnIncident();
        switch (status) {
            case SENT -> {
                if (announced) {
                    publisher.sent(delivery);
                }
                LOG.infof("%s: %s %s to %s sent via %s (step %d, attempt %d)", delivery.incidentId(),
                        delivery.kind(), delivery.id(), delivery.recipientLabel(), delivery.channel(),
                        delivery.escalationStep(), delivery.attempts());
            }
            case FAILED -> {
                if (announced) {
                    publisher.failed(delivery);
                }
                LOG.warnf("%s: %s %s to %s via %s failed for good after %d attempt(s): %s", delivery.incidentId(),
                        delivery.kind(), delivery.id(), delivery.recipientLabel(), delivery.channel(),
                        delivery.attempts(), delivery.reason());
            }
            default -> LOG.warnf("%s: %s %s to %s via %s failed (attempt %d of %d), retrying at %s: %s",
                    delivery.incidentId(), delivery.kind(), delivery.id(), delivery.recipientLabel(),
                    delivery.channel(), delivery.attempts(), config.maxAttempts(), delivery.dueAt(),
                    delivery.reason());
        }
    }

    private SendResult send(Channel channel, Delivery delivery) {
        try {
            return channel.send(composer.compose(delivery));
        } catch (RuntimeException e) {
            // a channel must not throw; if one does, the message is retried like any other failure, within its bound
            LOG.errorf(e, "%s: channel %s failed unexpectedly", delivery.incidentId(), channel.name());
            return SendResult.retryable(null, "the channel failed unexpectedly: " + e.getClass().getSimpleName());
        }
    }

    private static String outcomeLabel(DeliveryStatus status) {
        return switch (status) {
            case SENT -> "sent";
            case FAILED -> "failed";
            default -> "retried";
        };
    }
}
