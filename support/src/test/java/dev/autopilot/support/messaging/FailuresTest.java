package dev.autopilot.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailuresTest {

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(new SQLTransientConnectionException("pool exhausted"), true),
                Arguments.of(new SQLException("connection refused", "08001"), true),
                Arguments.of(new SQLException("could not serialize access", "40001"), true),
                Arguments.of(new SQLException("deadlock detected", "40P01"), true),
                Arguments.of(new SQLException("the database system is shutting down", "57P03"), true),
                Arguments.of(new IllegalStateException("wrapped", new ConnectException("refused")), true),
                Arguments.of(new SQLException("duplicate key value", "23505"), false),
                Arguments.of(new SQLException("syntax error", "42601"), false),
                Arguments.of(new IllegalArgumentException("no playbook"), false),
                Arguments.of(new NullPointerException(), false));
    }

    @ParameterizedTest(name = "{0} transient: {1}")
    @MethodSource("failures")
    void tellsTransientFromPermanentFailures(Throwable failure, boolean expected) {
        assertThat(Failures.isTransient(failure)).isEqualTo(expected);
    }
}
