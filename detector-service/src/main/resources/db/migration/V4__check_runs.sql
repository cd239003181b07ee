CREATE TABLE check_run (
    name           TEXT PRIMARY KEY,
    next_run_at    TIMESTAMPTZ NOT NULL,
    last_run_at    TIMESTAMPTZ,
    last_succeeded BOOLEAN     NOT NULL DEFAULT FALSE,
    last_error     TEXT,
    last_samples   INTEGER     NOT NULL DEFAULT 0
);
