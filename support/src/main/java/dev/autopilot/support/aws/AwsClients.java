package dev.autopilot.support.aws;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Builds every AWS SDK client of a service the one way: region from {@link AwsConfig#region()}, credentials from
 * the SDK's default chain, one shared HTTP client, the optional endpoint override, and bounded timeouts and
 * retries.
 *
 * <pre>
 * EcsClient ecs = aws.build(EcsClient.builder());
 * S3Client s3 = aws.build(S3Client.builder().forcePathStyle(aws.pathStyle()));
 * </pre>
 */
@ApplicationScoped
public class AwsClients {

    private final AwsConfig config;
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final List<SdkAutoCloseable> built = new CopyOnWriteArrayList<>();

    @Inject
    public AwsClients(AwsConfig config) {
        this.config = config;
        if (!config.instanceMetadata()) {
            // read by the SDK's instance-profile provider: never ask the metadata address unless told to
            System.setProperty("aws.disableEc2Metadata", "true");
        }
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                // a second over the attempt timeout: the SDK's attempt timer decides, so a slow answer is always
                // told as a timeout (the same duration made the two race, and the words depended on the winner)
                .socketTimeout(config.apiCallAttemptTimeout().plusSeconds(1))
                .build();
        this.credentials = DefaultCredentialsProvider.builder().build();
    }

    /** Finishes a client builder with this service's AWS settings and builds the client. */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder) {
        builder.region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(config.apiCallTimeout())
                        .apiCallAttemptTimeout(config.apiCallAttemptTimeout())
                        .retryStrategy(b -> b.maxAttempts(config.maxAttempts()))
                        .build());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        C client = builder.build();
        if (client instanceof SdkAutoCloseable closeable) {
            built.add(closeable);
        }
        return client;
    }

    /**
     * A client built on first use and shared after, for beans that may never call AWS (a check that is off):
     * {@code Supplier<EcsClient> ecs = aws.lazily(EcsClient::builder);}
     */
    public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> Supplier<C> lazily(Supplier<B> builder) {
        return new Supplier<>() {
            private volatile C client;

            @Override
            public C get() {
                C built = client;
                if (built == null) {
                    synchronized (this) {
                        if (client == null) {
                            client = build(builder.get());
                        }
                        built = client;
                    }
                }
                return built;
            }
        };
    }

    /** Whether S3 clients must address buckets by path (true when an endpoint override is set). */
    public boolean pathStyle() {
        return config.endpointOverride().isPresent();
    }

    /** Whether the default chain finds credentials; without them nothing can be sent to AWS. */
    public boolean credentialsAvailable() {
        try {
            credentials.resolveCredentials();
            return true;
        } catch (SdkClientException e) {
            return false;
        }
    }

    /** The region the clients use. */
    public String region() {
        return config.region();
    }

    /** Closes every client it built, then the HTTP client they share: the producers need no disposers. */
    void close(@Observes ShutdownEvent event) {
        built.forEach(SdkAutoCloseable::close);
        http.close();
    }
}
