package dev.autopilot.detector.check;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A check's schedule and its last run: when it runs next, how it went. */
@Entity
@Table(name = "check_run")
public class CheckRun {

    @Id
    private String name;

    private Instant nextRunAt;

    private Instant lastRunAt;

    private boolean lastSucceeded;

    private String lastError;

    private int lastSamples;

    protected CheckRun() {
    }

    public CheckRun(String name, Instant nextRunAt) {
        this.name = name;
        this.nextRunAt = nextRunAt;
    }

    public void scheduleNext(Instant at) {
        nextRunAt = at;
    }

    public void succeeded(Instant at, int samples) {
        lastRunAt = at;
        lastSucceeded = true;
        lastError = null;
        lastSamples = samples;
    }

    public void failed(Instant at, String error) {
        lastRunAt = at;
        lastSucceeded = false;
        lastError = error;
        lastSamples = 0;
    }

    public String name() {
        return name;
    }

    public Instant nextRunAt() {
        return nextRunAt;
    }

    public Instant lastRunAt() {
        return lastRunAt;
    }

    public boolean lastSucceeded() {
        return lastSucceeded;
    }

    public String lastError() {
        return lastError;
    }

    public int lastSamples() {
        return lastSamples;
    }
}
