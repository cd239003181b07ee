package dev.autopilot.support.worker;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;

/**
 * A background thread that runs a unit of work when woken (typically right after a transaction commits work for
 * it), at a time the work asked for ({@link #wakeWithin}, for work due later such as a retry), and, as a fallback
 * only, every {@code fallbackInterval}. The work returns {@code true} while more is waiting, so a backlog drains
 * without waiting. Failures back off exponentially up to 30 seconds.
 */
public final class SignalledWorker implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SignalledWorker.class);
    private static final long MAX_BACKOFF_MS = 30_000;

    private final String name;
    private final long fallbackMillis;
    private final Callable<Boolean> work;
    private final Object lock = new Object();
    private final Thread thread;
    private boolean woken;
    private long wakeAtMillis = Long.MAX_VALUE;
    private volatile boolean running = true;
    private volatile Exception lastFailure;
    private volatile long lastFailureAt;

    public SignalledWorker(String name, Duration fallbackInterval, Callable<Boolean> work) {
        this.name = name;
        this.fallbackMillis = Math.max(1, fallbackInterval.toMillis());
        this.work = work;
        this.thread = new Thread(this::loop, name);
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Asks for a run as soon as possible; cheap, and safe to call from any thread. */
    public void wake() {
        synchronized (lock) {
            woken = true;
            lock.notifyAll();
        }
    }

    /** Asks for a run no later than the delay from now (sooner if something else wakes the worker first). */
    public void wakeWithin(Duration delay) {
        long at = System.currentTimeMillis() + Math.max(0, delay.toMillis());
        synchronized (lock) {
            if (at < wakeAtMillis) {
                wakeAtMillis = at;
                lock.notifyAll();
            }
        }
    }

    /** The last failure of the work, if it has not succeeded since. */
    public Exception lastFailure() {
        return lastFailure;
    }

    public long lastFailureAtMillis() {
        return lastFailureAt;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                awaitTurn(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!running) {
                return;
            }
            try {
                while (running && Boolean.TRUE.equals(work.call())) {
                    // more is waiting: go on at once
                }
                backoff = 0;
                lastFailure = null;
            } catch (Exception e) {
                backoff = Math.min(MAX_BACKOFF_MS, backoff == 0 ? 100 : backoff * 2);
                if (lastFailure == null) {
                    LOG.warnf(e, "%s failed; retrying with backoff", name);
                } else {
                    LOG.debugf(e, "%s failed again; next try in %d ms", name, backoff);
                }
                lastFailure = e;
                lastFailureAt = System.currentTimeMillis();
            }
        }
    }

    /**
     * Waits for a wake-up, the time asked for or the fallback interval, whichever comes first; after a failure,
     * waits out the backoff whatever wakes it.
     */
    private void awaitTurn(long backoff) throws InterruptedException {
        synchronized (lock) {
            if (backoff > 0) {
                long until = System.currentTimeMillis() + backoff;
                for (long left = backoff; left > 0 && running; left = until - System.currentTimeMillis()) {
                    lock.wait(left);
                }
            } else {
                long until = System.currentTimeMillis() + fallbackMillis;
                while (!woken && running) {
                    long now = System.currentTimeMillis();
                    long left = Math.min(until, wakeAtMillis) - now;
                    if (left <= 0) {
                        break;
                    }
                    lock.wait(left);
                }
            }
            woken = false;
            if (wakeAtMillis <= System.currentTimeMillis()) {
                wakeAtMillis = Long.MAX_VALUE;
            }
        }
    }

    @Override
    public void close() {
        running = false;
        wake();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
