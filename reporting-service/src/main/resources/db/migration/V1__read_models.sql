-- The reporting service's read models, fed only by events (see README.md). Nothing here is ever written by a
-- request: each row is what the events received so far say, whatever order they came in.

-- An incident as history sees it. A row exists from the first event that names the incident; the fields of
-- IncidentOpened stay empty (and the incident unlisted) until that event arrives.
CREATE TABLE incident_record (
    id                   TEXT PRIMARY KEY,
    fingerprint          TEXT,
    title                TEXT,
    severity             TEXT,
    type                 TEXT,
    service              TEXT,
    status               TEXT        NOT NULL DEFAULT 'OPEN',
    labels               JSONB       NOT NULL DEFAULT '{}',
    signal_id            TEXT,
    opened_at            TIMESTAMPTZ,
    acknowledged_at      TIMESTAMPTZ,
    acknowledged_by      TEXT,
    acknowledge_note     TEXT,
    resolved_at          TIMESTAMPTZ,
    resolved_by          TEXT,
    resolve_note         TEXT,
    remediation_id       TEXT,
    remediation_status   TEXT,
    remediation_playbook TEXT,
    remediation_mode     TEXT,
    remediation_steps    INTEGER,
    remediation_at       TIMESTAMPTZ,
    notifications_sent   INTEGER     NOT NULL DEFAULT 0,
    notifications_failed INTEGER     NOT NULL DEFAULT 0,
    first_notified_at    TIMESTAMPTZ,
    last_event_at        TIMESTAMPTZ,
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX incident_record_opened_at ON incident_record (opened_at DESC, id) WHERE opened_at IS NOT NULL;
CREATE INDEX incident_record_status_opened_at ON incident_record (status, opened_at DESC) WHERE opened_at IS NOT NULL;
CREATE INDEX incident_record_service_opened_at ON incident_record (service, opened_at DESC) WHERE opened_at IS NOT NULL;

-- Every event of every service about an incident, once each (event_id is the CloudEvents id).
CREATE TABLE timeline_entry (
    id          BIGSERIAL PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    incident_id TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    service     TEXT        NOT NULL,
    type        TEXT        NOT NULL,
    phase       INTEGER     NOT NULL,
    summary     TEXT        NOT NULL,
    details     JSONB       NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

CREATE INDEX timeline_entry_incident ON timeline_entry (incident_id, at, phase, event_id);

-- Every signal the detector took in, once each: the samples service levels are computed from.
CREATE TABLE signal_sample (
    id          BIGSERIAL PRIMARY KEY,
    signal_id   TEXT             NOT NULL UNIQUE,
    fingerprint TEXT             NOT NULL,
    source      TEXT             NOT NULL,
    status      TEXT             NOT NULL,
    title       TEXT,
    labels      JSONB            NOT NULL DEFAULT '{}',
    value       DOUBLE PRECISION,
    threshold   DOUBLE PRECISION,
    observed_at TIMESTAMPTZ      NOT NULL,
    received_at TIMESTAMPTZ
);

CREATE INDEX signal_sample_observed_at ON signal_sample (observed_at);
CREATE INDEX signal_sample_fingerprint_observed_at ON signal_sample (fingerprint, observed_at);
