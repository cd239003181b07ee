package dev.autopilot.notification.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autopilot.notification.channel.slack.SlackChannel;
import dev.autopilot.notification.channel.slack.SlackConfig;
import dev.autopilot.notification.channel.webhook.WebhookChannel;
import dev.autopilot.notification.channel.webhook.WebhookConfig;
import dev.autopilot.notification.routing.Contact;
import dev.autopilot.notification.routing.ContactChannel;
import dev.autopilot.notification.routing.ContactKind;
import dev.autopilot.notification.routing.OnCallHours;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A contact is reached by the first of their channels that has its settings; the others are named as skipped. */
class ChannelsTest {

    private static final SlackChannel SLACK_WITHOUT_WEBHOOK = new SlackChannel(new SlackConfig() {
        public Optional<String> webhookUrl() {
            return Optional.empty();
        }

        public Duration minimumInterval() {
            return Duration.ofSeconds(1);
        }

        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        public Duration requestTimeout() {
            return Duration.ofSeconds(1);
        }
    }, new ObjectMapper());

    private static final WebhookChannel WEBHOOK = new WebhookChannel(new WebhookConfig() {
        public Optional<String> url() {
            return Optional.of("https://hooks.example.com/autopilot");
        }

        public Optional<String> secret() {
            return Optional.empty();
        }

        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        public Duration requestTimeout() {
            return Duration.ofSeconds(1);
        }
    }, new ObjectMapper(), Clock.systemUTC());

    private static final Channels CHANNELS = new Channels(List.of(SLACK_WITHOUT_WEBHOOK, WEBHOOK), null);

    @Test
    void anUnconfiguredChannelIsSkippedForTheNextOne() {
        Channels.Choice choice = CHANNELS.choose(contact("slack", "webhook"));

        assertThat(choice.chosen()).isEqualTo(new ContactChannel("webhook", null));
        assertThat(choice.skipped()).containsExactly(new ContactChannel("slack", null));
        assertThat(SLACK_WITHOUT_WEBHOOK.isConfigured()).isFalse();
        assertThat(SLACK_WITHOUT_WEBHOOK.missingSettings()).contains("SLACK_WEBHOOK_URL");
    }

    @Test
    void aContactNoConfiguredChannelCanReachGetsNoChannelAndEveryOneIsNamed() {
        Channels.Choice choice = CHANNELS.choose(contact("slack", "sms:+821000000001"));

        assertThat(choice.channel()).isEmpty();
        assertThat(choice.skipped()).extracting(ContactChannel::channel).containsExactly("slack", "sms");
    }

    @Test
    void anUnconfiguredChannelRefusesToSendAndSaysItIsFinal() {
        SendResult result = SLACK_WITHOUT_WEBHOOK.send(new Page("d", Page.Kind.TEST, "test", null,
                new Page.Recipient("ops-channel", "#ops", "Operations channel", null), 0, null, null,
                Page.Links.NONE));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.PERMANENT);
        assertThat(result.detail()).doesNotContain("http");
    }

    private static Contact contact(String... channels) {
        return new Contact("ops-channel", "#t-developer-ops", "Operations channel", ContactKind.CHANNEL,
                OnCallHours.ALWAYS, List.of(channels).stream().map(ContactChannel::parse).toList());
    }
}
