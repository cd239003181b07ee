package dev.autopilot.support.worker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Wakes a worker once the current transaction has committed (and not at all if it rolls back). */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry registry;

    @Inject
    public AfterCommit(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** Must be called inside a transaction; registers at most one wake-up per worker and transaction. */
    public void wake(SignalledWorker worker) {
        if (registry.getResource(worker) != null) {
            return;
        }
        registry.putResource(worker, Boolean.TRUE);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    worker.wake();
                }
            }
        });
    }
}
