package dev.autopilot.notification;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test field that receives a channel's peer from {@link ChannelPeersResource}: the HTTP receivers
 * ({@code WireMockServer}: webhook, Slack, PagerDuty) or the SMTP server ({@code GreenMail}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectChannelPeer {
}
