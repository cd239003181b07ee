-- Incidents gather conditions: one per fingerprint, several per incident when signals of one service correlate.

ALTER TABLE incident ADD COLUMN correlation_key TEXT;
ALTER TABLE incident ADD COLUMN agent TEXT;
ALTER TABLE incident ADD COLUMN flapping BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE incident ADD COLUMN resolve_due_at TIMESTAMPTZ;
ALTER TABLE incident ADD COLUMN reopened_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE incident ADD COLUMN reopened_at TIMESTAMPTZ;
UPDATE incident SET correlation_key = coalesce(service, '') || '|operations';
ALTER TABLE incident ALTER COLUMN correlation_key SET NOT NULL;

-- a fingerprint may now sit in a resolved incident and a new one; conditions hold the uniqueness below
DROP INDEX incident_active_fingerprint;
CREATE INDEX incident_correlation ON incident (correlation_key, last_signal_at DESC) WHERE status <> 'RESOLVED';
CREATE INDEX incident_resolved_recently ON incident (resolved_at DESC) WHERE status = 'RESOLVED';
CREATE INDEX incident_resolve_due ON incident (resolve_due_at) WHERE resolve_due_at IS NOT NULL;
CREATE INDEX incident_type_opened_at ON incident (type, opened_at DESC);
CREATE INDEX incident_service_opened_at ON incident (service, opened_at DESC);

CREATE TABLE incident_condition (
    id             UUID PRIMARY KEY,
    incident_id    UUID        NOT NULL REFERENCES incident (id),
    fingerprint    TEXT        NOT NULL,
    source         TEXT        NOT NULL,
    title          TEXT,
    rule           TEXT        NOT NULL,
    severity       TEXT        NOT NULL,
    type           TEXT        NOT NULL,
    agent          TEXT,
    status         TEXT        NOT NULL,
    debounced      BOOLEAN     NOT NULL,
    active         BOOLEAN     NOT NULL,
    first_seen_at  TIMESTAMPTZ NOT NULL,
    last_seen_at   TIMESTAMPTZ NOT NULL,
    cleared_at     TIMESTAMPTZ,
    clear_due_at   TIMESTAMPTZ,
    signal_count   BIGINT      NOT NULL,
    transitions    INTEGER     NOT NULL DEFAULT 0,
    flap_window_at TIMESTAMPTZ,
    last_signal_id TEXT,
    last_value     DOUBLE PRECISION,
    labels         JSONB       NOT NULL DEFAULT '{}',
    version        BIGINT      NOT NULL DEFAULT 0
);

-- a condition belongs to at most one active incident
CREATE UNIQUE INDEX incident_condition_active ON incident_condition (fingerprint) WHERE active;
CREATE INDEX incident_condition_incident ON incident_condition (incident_id);
CREATE INDEX incident_condition_fingerprint ON incident_condition (fingerprint, last_seen_at DESC);
CREATE INDEX incident_condition_clear_due ON incident_condition (clear_due_at) WHERE clear_due_at IS NOT NULL;

INSERT INTO incident_condition (id, incident_id, fingerprint, source, title, rule, severity, type, status, debounced,
                                active, first_seen_at, last_seen_at, cleared_at, signal_count, labels)
SELECT gen_random_uuid(), id, fingerprint, coalesce(labels ->> 'source', 'unknown'), title,
       coalesce(labels ->> 'rule', 'none'), severity, type,
       CASE WHEN status = 'RESOLVED' THEN 'CLEARED' ELSE 'FIRING' END, TRUE, status <> 'RESOLVED',
       opened_at, coalesce(last_signal_at, opened_at), resolved_at, signal_count, labels
FROM incident;

-- the evidence: what each signal did to the incident (repeats are counted on the condition, not stored one by one)
ALTER TABLE incident_signal ADD COLUMN fingerprint TEXT;
ALTER TABLE incident_signal ADD COLUMN effect TEXT;
ALTER TABLE incident_signal ADD COLUMN severity TEXT;
ALTER TABLE incident_signal ADD COLUMN rule TEXT;
ALTER TABLE incident_signal ADD COLUMN value DOUBLE PRECISION;
UPDATE incident_signal s SET fingerprint = i.fingerprint, effect = 'RECORDED' FROM incident i WHERE i.id = s.incident_id;

-- how long a rule's condition has held, per fingerprint
CREATE TABLE rule_state (
    rule           TEXT        NOT NULL,
    fingerprint    TEXT        NOT NULL,
    since          TIMESTAMPTZ NOT NULL,
    recommended_at TIMESTAMPTZ,
    PRIMARY KEY (rule, fingerprint)
);
