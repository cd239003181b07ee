package dev.autopilot.notification.channel.email;

import dev.autopilot.notification.channel.Channel;
import dev.autopilot.notification.channel.Page;
import dev.autopilot.notification.channel.SendResult;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends plain-text mail over SMTP through Quarkus Mailer, the delivery id in {@code X-Autopilot-Delivery-Id}. A
 * server that answers 5xx (no such mailbox, refused sender) fails the message for good; a 4xx answer, a refused or
 * dropped connection, or a timeout is worth retrying.
 */
@ApplicationScoped
public class EmailChannel implements Channel {

    public static final String NAME = "email";
    public static final String DELIVERY_ID_HEADER = "X-Autopilot-Delivery-Id";

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

    private final ReactiveMailer mailer;
    private final Optional<String> from;
    private final Duration timeout;

    @Inject
    public EmailChannel(ReactiveMailer mailer, EmailConfig config,
            @ConfigProperty(name = "quarkus.mailer.from") Optional<String> from) {
        this.mailer = mailer;
        this.from = from.filter(f -> !f.isBlank());
        this.timeout = config.timeout();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isConfigured() {
        return from.isPresent();
    }

    @Override
    public String missingSettings() {
        return "quarkus.mailer.from (QUARKUS_MAILER_FROM) and the SMTP server (QUARKUS_MAILER_HOST, ...)";
    }

    @Override
    public boolean accepts(String address) {
        return address != null && ADDRESS.matcher(address).matches();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public SendResult send(Page page) {
        if (!accepts(page.recipient().address())) {
            return SendResult.permanent(null, "no email address to send to");
        }
        Mail mail = Mail.withText(page.recipient().address(), page.headline(), body(page))
                .addHeader(DELIVERY_ID_HEADER, page.deliveryId());
        try {
            mailer.send(mail).await().atMost(timeout);
            return SendResult.delivered(null, "accepted by the SMTP server");
        } catch (RuntimeException e) {
            return resultOf(e);
        }
    }

    /** The mail's text: the message, then its links, one a line. */
    static String body(Page page) {
        StringBuilder body = new StringBuilder(page.text()).append("\n");
        Page.Links links = page.links();
        appendLink(body, "Acknowledge", links.acknowledge());
        appendLink(body, links.actionLabel(), links.action());
        appendLink(body, "Timeline", links.timeline());
        return body.append("\n\n-- \nRunbook Autopilot, message ").append(page.deliveryId()).toString();
    }

    private static void appendLink(StringBuilder body, String label, URI url) {
        if (url != null) {
            body.append("\n").append(label).append(": ").append(url);
        }
    }

    private static SendResult resultOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException) {
                SMTPException smtp = (SMTPException) t;
                String detail = "the SMTP server answered " + smtp.getReplyCode();
                return smtp.isPermanent() ? SendResult.permanent(null, detail) : SendResult.retryable(null, detail);
            }
        }
        return SendResult.retryable(null, "the SMTP server could not be reached: "
                + failure.getClass().getSimpleName());
    }
}
