package dev.autopilot.notification.channel.email;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Email. The SMTP server, its credentials and the sender are Quarkus Mailer's own settings
 * ({@code QUARKUS_MAILER_HOST}, {@code QUARKUS_MAILER_PORT}, {@code QUARKUS_MAILER_USERNAME},
 * {@code QUARKUS_MAILER_PASSWORD}, {@code QUARKUS_MAILER_FROM}, {@code QUARKUS_MAILER_TLS}, ...); the channel is
 * configured once a sender ({@code quarkus.mailer.from}) is set.
 */
@ConfigMapping(prefix = "notification.email")
public interface EmailConfig {

    /** The longest a send may take (the dispatcher holds its claim on the message that long). */
    @WithDefault("30s")
    Duration timeout();
}
