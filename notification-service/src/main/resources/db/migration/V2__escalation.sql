-- What this service knows of each incident: enough to route it, re-route it when it escalates, tell whether a
-- delayed step still applies, and say in a page what remediation is doing.
CREATE TABLE incident (
    incident_id      TEXT        PRIMARY KEY,
    title            TEXT        NOT NULL,
    severity         TEXT        NOT NULL,
    incident_type    TEXT        NOT NULL,
    service          TEXT,
    labels           JSONB       NOT NULL DEFAULT '{}',
    opened_at        TIMESTAMPTZ NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    policy           TEXT        NOT NULL,
    round            INTEGER     NOT NULL DEFAULT 1,
    round_started_at TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL,
    acknowledged_at  TIMESTAMPTZ,
    acknowledged_by  TEXT,
    resolved_at      TIMESTAMPTZ,
    reopened         INTEGER     NOT NULL DEFAULT 0,
    remediation      TEXT,
    version          BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT incident_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED'))
);
CREATE INDEX incident_received_at ON incident (received_at);

-- The escalation timers: one row per step of an incident's policy (and round: a reopened incident starts again),
-- due at due_at, claimed with SELECT ... FOR UPDATE SKIP LOCKED, so any replica fires it, and only once.
CREATE TABLE escalation_step (
    id           UUID        PRIMARY KEY,
    incident_id  TEXT        NOT NULL REFERENCES incident (incident_id),
    round        INTEGER     NOT NULL,
    policy       TEXT        NOT NULL,
    step         INTEGER     NOT NULL,
    due_at       TIMESTAMPTZ NOT NULL,
    status       TEXT        NOT NULL,
    reached_at   TIMESTAMPTZ,
    cancelled_at TIMESTAMPTZ,
    reason       TEXT,
    version      BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT escalation_step_once UNIQUE (incident_id, round, policy, step),
    CONSTRAINT escalation_step_status CHECK (status IN ('PENDING', 'REACHED', 'SKIPPED', 'CANCELLED'))
);
CREATE INDEX escalation_step_due ON escalation_step (due_at, id) WHERE status = 'PENDING';
CREATE INDEX escalation_step_incident ON escalation_step (incident_id);

-- Deliveries of every kind (pages, resolve notices, remediation news, reports, storm summaries, tests), each with
-- its idempotency key: (incident, round, policy, step, contact, channel) for a page. Suppressed pages are rows too.
ALTER TABLE delivery
    ADD COLUMN kind            TEXT    NOT NULL DEFAULT 'PAGE',
    ADD COLUMN round           INTEGER NOT NULL DEFAULT 1,
    ADD COLUMN idempotency_key TEXT,
    ADD COLUMN address         TEXT,
    ADD COLUMN note            TEXT,
    ADD COLUMN detail          TEXT,
    ADD COLUMN action_url      TEXT,
    ADD COLUMN action_label    TEXT,
    ADD COLUMN summary_id      UUID;
UPDATE delivery SET idempotency_key = incident_id || '/r1/' || policy || '/s' || escalation_step || '/' || recipient
    || '/' || channel;
ALTER TABLE delivery ALTER COLUMN idempotency_key SET NOT NULL;
ALTER TABLE delivery DROP CONSTRAINT delivery_once;
ALTER TABLE delivery ADD CONSTRAINT delivery_once UNIQUE (idempotency_key);
ALTER TABLE delivery DROP CONSTRAINT delivery_status;
ALTER TABLE delivery ADD CONSTRAINT delivery_status
    CHECK (status IN ('PENDING', 'AWAITING_APPROVAL', 'SENT', 'FAILED', 'CANCELLED', 'SUPPRESSED'));
CREATE INDEX delivery_summary ON delivery (summary_id) WHERE summary_id IS NOT NULL;
CREATE INDEX delivery_recipient ON delivery (recipient, created_at DESC);

-- Per-channel rate limits shared by every replica: the earliest time the channel may send again.
CREATE TABLE channel_slot (
    channel TEXT        PRIMARY KEY,
    next_at TIMESTAMPTZ NOT NULL
);
