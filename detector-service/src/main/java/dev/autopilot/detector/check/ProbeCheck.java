package dev.autopilot.detector.check;

import dev.autopilot.contracts.signal.SignalReceived;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP probes of configured URLs, the availability indicator: each probe a sample, {@code 1} for a 2xx answer in
 * time and {@code 0} otherwise, with its latency.
 */
@ApplicationScoped
public class ProbeCheck implements Check {

    private final ChecksConfig.Probes config;
    private final ManagedServiceConfig managed;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Inject
    public ProbeCheck(ChecksConfig checks, ManagedServiceConfig managed) {
        this.config = checks.probes();
        this.managed = managed;
    }

    @Override
    public String name() {
        return "http-probe";
    }

    @Override
    public boolean enabled() {
        return !config.targets().isEmpty();
    }

    @Override
    public Duration interval() {
        return config.interval();
    }

    @Override
    public List<SignalReceived> run(Instant now) {
        List<SignalReceived> samples = new ArrayList<>();
        config.targets().forEach((name, probe) -> {
            long started = System.nanoTime();
            Integer status = null;
            String failure = null;
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(probe.url()).timeout(probe.timeout())
                        .GET().build(), HttpResponse.BodyHandlers.discarding());
                status = answer.statusCode();
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = "interrupted";
            }
            long latencyMs = (System.nanoTime() - started) / 1_000_000;
            boolean up = status != null && status / 100 == 2;
            Map<String, String> labels = new LinkedHashMap<>();
            labels.put("probe", name);
            labels.put("sli", "availability");
            labels.put("url", probe.url().toString());
            labels.put("latencyMs", Long.toString(latencyMs));
            labels.put("httpStatus", status == null ? null : status.toString());
            labels.put("failure", failure);
            samples.add(Samples.of(name(), name, "availability", managed.service(), up ? 1 : 0, !up,
                    "probe " + name + (up ? " up" : " down"), labels, now));
        });
        return samples;
    }
}
