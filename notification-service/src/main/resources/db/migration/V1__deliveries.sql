-- The delivery ledger: one row per page (incident, escalation step, recipient, channel), which is also the page's
-- timer: a PENDING row is due at due_at, for its first attempt or a retry, and is claimed with
-- SELECT ... FOR UPDATE SKIP LOCKED, so any replica can send it, none sends it twice, and a restart loses none.
CREATE TABLE delivery (
    id                 UUID        PRIMARY KEY,
    incident_id        TEXT        NOT NULL,
    escalation_step    INTEGER     NOT NULL,
    recipient          TEXT        NOT NULL,
    channel            TEXT        NOT NULL,
    policy             TEXT        NOT NULL,
    recipient_name     TEXT        NOT NULL,
    recipient_role     TEXT        NOT NULL,
    recipient_kind     TEXT        NOT NULL,
    incident_title     TEXT        NOT NULL,
    severity           TEXT        NOT NULL,
    incident_type      TEXT        NOT NULL,
    service            TEXT,
    incident_opened_at TIMESTAMPTZ NOT NULL,
    status             TEXT        NOT NULL,
    attempts           INTEGER     NOT NULL DEFAULT 0,
    due_at             TIMESTAMPTZ NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    sent_at            TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    cancelled_at       TIMESTAMPTZ,
    reason             TEXT,
    version            BIGINT      NOT NULL DEFAULT 0,
    -- never twice: one page per incident, step, recipient and channel, whatever is redelivered
    CONSTRAINT delivery_once UNIQUE (incident_id, escalation_step, recipient, channel),
    CONSTRAINT delivery_status CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'))
);

CREATE INDEX delivery_due ON delivery (due_at, id) WHERE status = 'PENDING';
CREATE INDEX delivery_incident ON delivery (incident_id, created_at DESC);
CREATE INDEX delivery_created_at ON delivery (created_at DESC, id);

-- every try at sending a delivery, and how it ended
CREATE TABLE delivery_attempt (
    id           BIGSERIAL   PRIMARY KEY,
    delivery_id  UUID        NOT NULL REFERENCES delivery (id),
    number       INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    outcome      TEXT        NOT NULL,
    http_status  INTEGER,
    detail       TEXT,
    duration_ms  BIGINT      NOT NULL,
    CONSTRAINT delivery_attempt_once UNIQUE (delivery_id, number)
);
