-- Tables of the technical support every service shares: the transactional outbox and the processed-event log.
-- A repeatable migration, so it runs after each service's own versioned ones and never collides with their
-- version numbers. Every statement must stay idempotent: change only by adding (IF NOT EXISTS).

CREATE TABLE IF NOT EXISTS outbox_event (
    id          BIGSERIAL PRIMARY KEY,
    event_id    UUID        NOT NULL UNIQUE,
    topic       TEXT        NOT NULL,
    record_key  TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    subject     TEXT,
    occurred_at TIMESTAMPTZ NOT NULL,
    payload     BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE IF NOT EXISTS processed_event (
    consumer     TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at);
