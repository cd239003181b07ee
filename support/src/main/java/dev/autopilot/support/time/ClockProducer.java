package dev.autopilot.support.time;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The clock every use case takes its time from; tests replace it to control time without sleeping. It ticks in
 * whole milliseconds: PostgreSQL keeps microseconds, so a finer time would come back from the database (and in
 * {@code ce_time}, which the outbox relay reads from its row) as another time than the one in the event's payload.
 */
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tickMillis(ZoneOffset.UTC);
    }
}
