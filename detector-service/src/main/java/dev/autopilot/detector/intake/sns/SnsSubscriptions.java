package dev.autopilot.detector.intake.sns;

import dev.autopilot.support.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Confirms the SNS subscriptions of the detector's endpoint, and records them: a {@code SubscriptionConfirmation}
 * is confirmed by a GET of its {@code SubscribeURL}, but only at {@code sns.<region>.amazonaws.com} of a configured
 * region (or a configured extra host); an {@code UnsubscribeConfirmation} is recorded.
 */
@ApplicationScoped
public class SnsSubscriptions implements PanacheRepositoryBase<SnsSubscription, String> {

    private static final Logger LOG = Logger.getLogger(SnsSubscriptions.class);

    private final SnsConfig config;
    private final Clock clock;
    private final HttpClient http;

    @Inject
    public SnsSubscriptions(SnsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.confirmTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Confirms the subscription; a refused or failed confirmation is recorded and answered 4xx or 502. */
    public void confirm(SnsEnvelope envelope) {
        URI url;
        try {
            url = URI.create(envelope.subscribeUrl());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("SubscribeURL", "must be a URL");
        }
        if (!allowed(url)) {
            record(envelope, SnsSubscription.Status.CONFIRMATION_FAILED, "SubscribeURL host " + url.getHost()
                    + " is not an SNS host of " + config.regions());
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "SubscribeURL must point at sns.<region>.amazonaws.com of " + config.regions());
        }
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(url).timeout(config.confirmTimeout()).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() / 100 != 2) {
                throw new IOException("SNS answered " + answer.statusCode());
            }
        } catch (IOException e) {
            record(envelope, SnsSubscription.Status.CONFIRMATION_FAILED, e.getMessage());
            throw new ProblemException(502, "confirmation-failed", "The subscription could not be confirmed",
                    "confirming at " + url.getHost() + " failed: " + e.getMessage() + "; SNS will send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProblemException.unavailable("interrupted while confirming the subscription");
        }
        record(envelope, SnsSubscription.Status.CONFIRMED, "confirmed at " + url.getHost());
        LOG.infof("SNS subscription to %s confirmed", envelope.topicArn());
    }

    public void unsubscribed(SnsEnvelope envelope) {
        record(envelope, SnsSubscription.Status.UNSUBSCRIBED, "SNS confirmed the unsubscription");
        LOG.infof("SNS subscription to %s ended", envelope.topicArn());
    }

    public List<SnsSubscription> all() {
        return QuarkusTransaction.requiringNew().call(() -> listAll(Sort.ascending("topicArn")));
    }

    private boolean allowed(URI url) {
        if (url.getHost() == null) {
            return false;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        boolean sns = "https".equals(url.getScheme())
                && config.regions().stream().anyMatch(r -> host.equals("sns." + r + ".amazonaws.com"));
        String hostPort = url.getPort() < 0 ? host : host + ":" + url.getPort();
        boolean extra = config.confirmHosts().orElse(List.of()).stream()
                .anyMatch(h -> h.equalsIgnoreCase(hostPort) || h.equalsIgnoreCase(host));
        return sns || extra;
    }

    private void record(SnsEnvelope envelope, SnsSubscription.Status status, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            SnsSubscription subscription = findByIdOptional(envelope.topicArn()).orElse(null);
            if (subscription == null) {
                subscription = new SnsSubscription(envelope.topicArn());
                subscription.record(status, envelope.messageId(), detail, clock.instant());
                persist(subscription);
            } else {
                subscription.record(status, envelope.messageId(), detail, clock.instant());
            }
        });
    }
}
