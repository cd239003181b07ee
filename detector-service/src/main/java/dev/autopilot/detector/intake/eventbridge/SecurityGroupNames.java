package dev.autopilot.detector.intake.eventbridge;

import dev.autopilot.support.aws.AwsClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * The names of security groups CloudTrail names only by id, from EC2 {@code DescribeSecurityGroups}, kept for an
 * hour. A group EC2 cannot name (gone, or EC2 unreachable) is reported as unknown, not guessed.
 */
@ApplicationScoped
public class SecurityGroupNames {

    private static final Logger LOG = Logger.getLogger(SecurityGroupNames.class);
    private static final Duration KEEP = Duration.ofHours(1);

    private record Known(String name, Instant until) {
    }

    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final Supplier<Ec2Client> ec2;

    @Inject
    public SecurityGroupNames(AwsClients aws, Clock clock) {
        this.ec2 = aws.lazily(Ec2Client::builder);
        this.clock = clock;
    }

    public Optional<String> nameOf(String groupId) {
        Instant now = clock.instant();
        Known cached = known.get(groupId);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.name());
        }
        try {
            Optional<String> name = ec2.get().describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().stream()
                    .findFirst().map(SecurityGroup::groupName);
            name.ifPresent(n -> known.put(groupId, new Known(n, now.plus(KEEP))));
            return name;
        } catch (SdkException e) {
            LOG.warnf("security group %s could not be named: %s", groupId, e.getMessage());
            return Optional.empty();
        }
    }

}
