CREATE TABLE incident (
    id                UUID PRIMARY KEY,
    fingerprint       TEXT        NOT NULL,
    title             TEXT        NOT NULL,
    severity          TEXT        NOT NULL,
    type              TEXT        NOT NULL,
    service           TEXT,
    status            TEXT        NOT NULL,
    labels            JSONB       NOT NULL DEFAULT '{}',
    signal_count      INTEGER     NOT NULL,
    opened_at         TIMESTAMPTZ NOT NULL,
    last_signal_at    TIMESTAMPTZ,
    acknowledged_at   TIMESTAMPTZ,
    acknowledged_by   TEXT,
    acknowledge_note  TEXT,
    resolved_at       TIMESTAMPTZ,
    resolved_by       TEXT,
    resolve_note      TEXT,
    version           BIGINT      NOT NULL DEFAULT 0
);

-- one active incident per fingerprint: a repeat can never open a second one
CREATE UNIQUE INDEX incident_active_fingerprint ON incident (fingerprint) WHERE status <> 'RESOLVED';
CREATE INDEX incident_opened_at ON incident (opened_at DESC, id);
CREATE INDEX incident_status_opened_at ON incident (status, opened_at DESC);

CREATE TABLE incident_signal (
    id          BIGSERIAL PRIMARY KEY,
    incident_id UUID        NOT NULL REFERENCES incident (id),
    signal_id   TEXT        NOT NULL,
    source      TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    title       TEXT,
    observed_at TIMESTAMPTZ,
    received_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX incident_signal_incident ON incident_signal (incident_id, id);
