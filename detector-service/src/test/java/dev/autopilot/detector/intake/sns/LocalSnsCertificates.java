package dev.autopilot.detector.intake.sns;

import com.github.tomakehurst.wiremock.client.WireMock;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * In tests, SNS signing certificates are fetched over real HTTP from the local stand-in for AWS: requests for
 * {@code https://sns.<region>.amazonaws.com/...} go to it instead, path unchanged. It serves the test certificate
 * at {@link SnsSigner#CERTIFICATE_PATH}.
 */
@Alternative
@Priority(1)
@Singleton
public class LocalSnsCertificates implements SnsCertificates.Client {

    private final SdkHttpClient http;

    public LocalSnsCertificates(@ConfigProperty(name = "autopilot.aws.endpoint-override") URI stand) {
        // the stand-in serves the test certificate where SNS would serve its own
        new WireMock(stand.getHost(), stand.getPort()).register(WireMock.get(WireMock.urlEqualTo(SnsSigner.CERTIFICATE_PATH))
                .willReturn(WireMock.ok(SnsSigner.certificate()).withHeader("Content-Type", "application/x-pem-file")));
        SdkHttpClient real = UrlConnectionHttpClient.create();
        this.http = new SdkHttpClient() {
            @Override
            public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
                HttpExecuteRequest.Builder rewritten = HttpExecuteRequest.builder()
                        .request(request.httpRequest().toBuilder()
                                .protocol(stand.getScheme()).host(stand.getHost()).port(stand.getPort()).build());
                request.contentStreamProvider().ifPresent(rewritten::contentStreamProvider);
                return real.prepareRequest(rewritten.build());
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }

    @Override
    public SdkHttpClient http() {
        return http;
    }
}
