package dev.autopilot.detector.intake.sns;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The HTTP client that fetches SNS signing certificates (from {@code https://sns.<region>.amazonaws.com/...pem}). */
public class SnsCertificates {

    /** A named type, so tests can put a stand-in for AWS's certificate host in its place. */
    public interface Client {
        SdkHttpClient http();
    }

    @Produces
    @Singleton
    @DefaultBean
    Client client() {
        SdkHttpClient http = UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(3))
                .socketTimeout(Duration.ofSeconds(5))
                .build();
        return () -> http;
    }
}
