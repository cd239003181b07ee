package dev.autopilot.notification.channel.sns;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** SMS and topics through Amazon SNS; the client takes the shared AWS settings ({@code autopilot.aws.*}). */
@ConfigMapping(prefix = "notification.sns")
public interface SnsConfig {

    /**
     * Whether SNS may be used ({@code NOTIFICATION_SNS_ENABLED}); when true it is configured as soon as the AWS
     * SDK's default chain finds credentials. Off by default, so that a machine without AWS never has its instance
     * metadata endpoint probed for them.
     */
    @WithDefault("false")
    boolean enabled();

    /** The SMS type SNS is asked for: {@code Transactional} (delivered first, for pages) or {@code Promotional}. */
    @WithDefault("Transactional")
    String smsType();
}
