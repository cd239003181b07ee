package dev.autopilot.detector.detection;

import dev.autopilot.detector.managed.Agents;
import dev.autopilot.detector.managed.ManagedServiceConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Reads the rule table once at start; a bad table stops the start, naming each line and problem. */
public class RuleEngineProducer {

    private static final Logger LOG = Logger.getLogger(RuleEngineProducer.class);
    static final String BUILT_IN = "detector-rules.yaml";

    @Produces
    @Singleton
    @Startup // built at start, not at the first signal: a bad table must stop the start
    RuleEngine ruleEngine(RulesConfig config, ManagedServiceConfig managed) {
        RuleBook book = config.file().map(RuleEngineProducer::readFile).orElseGet(RuleEngineProducer::readBuiltIn)
                .requireAgents(managed.agents());
        LOG.infof("%d detection rules from %s", book.rules().size(), book.source());
        return new RuleEngine(book, managed.service(), config.recommendEvery());
    }

    @Produces
    @Singleton
    Agents agents(ManagedServiceConfig managed) {
        return new Agents(managed.agents());
    }

    private static RuleBook readFile(String file) {
        Path path = Path.of(file);
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return RuleBookReader.read(path.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("detector.rules.file " + path + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static RuleBook readBuiltIn() {
        try (InputStream in = RuleEngineProducer.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException(BUILT_IN + " is missing from the service");
            }
            return RuleBookReader.read("classpath:" + BUILT_IN, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
