package dev.autopilot.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.autopilot.contracts.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker-compose.yml cannot run where there is no Docker engine; these checks keep it consistent with what the
 * local platform and the services use.
 */
class DockerComposeTest {

    private static String compose() throws IOException {
        return Files.readString(Path.of(System.getProperty("autopilot.root", ".."), "docker-compose.yml"));
    }

    @Test
    void createsExactlyTheTopicsOfTheContracts() throws IOException {
        Matcher loop = Pattern.compile("for topic in (.*?); do", Pattern.DOTALL).matcher(compose());
        assertThat(loop.find()).as("the topic loop of kafka-topics").isTrue();

        List<String> topics = Arrays.stream(loop.group(1).replace("\\", " ").split("\\s+"))
                .filter(t -> !t.isBlank()).toList();

        assertThat(topics).containsExactlyInAnyOrderElementsOf(Topics.all());
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"detector, 8081", "remediation, 8082", "reporting, 8083", "notification, 8084"})
    void runsEachServiceOnItsPortWithItsOwnDatabase(String service, int port) throws IOException {
        String compose = compose();
        int start = compose.indexOf("\n  " + service + ":\n");
        assertThat(start).as("a %s service", service).isPositive();
        int end = compose.indexOf("\n\n", start + 1);
        String block = compose.substring(start, end < 0 ? compose.length() : end);

        assertThat(block).contains("SERVICE: " + service)
                .contains("\"" + port + ":" + port + "\"")
                .contains("jdbc:postgresql://postgres:5432/" + service)
                .contains("<<: *service-env");
        assertThat(Files.readString(Path.of(System.getProperty("autopilot.root", ".."), "docker/postgres-init.sql")))
                .contains("CREATE DATABASE " + service + ";");
    }
}
