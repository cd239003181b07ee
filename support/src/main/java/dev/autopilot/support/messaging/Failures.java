package dev.autopilot.support.messaging;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.TimeoutException;

/** Tells a failure that will pass (the database restarting, a deadlock) from one that will not. */
public final class Failures {

    private Failures() {
    }

    /** True when trying again later can succeed: connection loss, timeouts, serialization failures, deadlocks. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof TimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientState(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getSimpleName();
            if (name.equals("OptimisticLockException") || name.equals("PessimisticLockException")
                    || name.equals("LockTimeoutException") || name.equals("JDBCConnectionException")
                    || name.equals("AcquisitionTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE classes 08 (connection), 40 (rollback: serialization, deadlock), 53 (resources), 57P (shutdown). */
    static boolean isTransientState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P"));
    }
}
