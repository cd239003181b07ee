package dev.autopilot.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * A local stand-in for AWS's wire protocols: a WireMock server every AWS SDK client of the service under test
 * talks to ({@code autopilot.aws.endpoint-override}), so the real SDK marshals real requests and parses real
 * response bodies. Tests stub and verify it through a field annotated {@link InjectAwsStub}; CloudWatch speaks
 * CBOR, see {@link Cbor}. The SDK finds static test credentials in system properties.
 */
public class AwsStubResource implements QuarkusTestResourceLifecycleManager {

    /** Marks a {@code WireMockServer} field of a test to receive the stub. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectAwsStub {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        return Map.of(
                "autopilot.aws.endpoint-override", server.baseUrl(),
                "autopilot.aws.region", "us-east-1",
                "autopilot.aws.max-attempts", "2");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectAwsStub.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
