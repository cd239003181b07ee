package dev.autopilot.notification.dispatch;

import dev.autopilot.support.worker.SignalledWorker;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * A {@link SignalledWorker} that can be stopped and started again, as a process is: everything it works on is in
 * the database, so a new thread picks up where the old one stopped. While stopped, waking it does nothing.
 */
public final class RestartableWorker {

    private static final SignalledWorker STOPPED = new SignalledWorker("stopped", Duration.ofDays(1), () -> false);

    private final String name;
    private final Duration fallbackInterval;
    private final Callable<Boolean> work;
    private volatile SignalledWorker current;

    public RestartableWorker(String name, Duration fallbackInterval, Callable<Boolean> work) {
        this.name = name;
        this.fallbackInterval = fallbackInterval;
        this.work = work;
    }

    /** Starts a new thread and lets it look for work at once. */
    public synchronized void start() {
        if (current == null) {
            current = new SignalledWorker(name, fallbackInterval, work);
            current.start();
        }
        current.wake();
    }

    /** Stops the thread, after the work it is doing. */
    public synchronized void stop() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** The running thread, to wake; a stopped worker's wake-ups go nowhere. */
    public SignalledWorker signal() {
        SignalledWorker running = current;
        return running != null ? running : STOPPED;
    }
}
