-- Remediations run. The engine executes each step (claimed FOR UPDATE SKIP LOCKED when due), records its attempt,
-- the request it sent, what it read and the state it replaced; approvals, target locks and the audit trail live
-- beside it, and so does the schedule of the daily backups. Timers are rows: a step's due_at, an approval's
-- expires_at, a schedule's next_run_at.

-- A remediation answers an incident, a recommendation, a person or a schedule: one per trigger.
ALTER TABLE remediation DROP CONSTRAINT remediation_one_per_incident;
ALTER TABLE remediation ALTER COLUMN incident_id DROP NOT NULL;
ALTER TABLE remediation
    ADD COLUMN trigger_key  TEXT,
    ADD COLUMN requested_by TEXT,
    ADD COLUMN target       TEXT,
    -- whether any step changes something (such a remediation holds its target's lock while it runs)
    ADD COLUMN changes      BOOLEAN     NOT NULL DEFAULT FALSE,
    -- what it answers: the incident's type, title and labels (to plan it again when the incident reopens)
    ADD COLUMN occasion     JSONB       NOT NULL DEFAULT '{}',
    -- what its steps found out (the current revision, the desired count, ...), for the steps after them
    ADD COLUMN facts        JSONB       NOT NULL DEFAULT '{}',
    ADD COLUMN started_at   TIMESTAMPTZ,
    ADD COLUMN finished_at  TIMESTAMPTZ,
    -- why it failed; set only when it failed (the circuit breaker counts these)
    ADD COLUMN failure      TEXT,
    ADD COLUMN summary      TEXT,
    ADD COLUMN undone_at    TIMESTAMPTZ,
    ADD COLUMN undone_by    TEXT;
UPDATE remediation SET trigger_key = 'opened:' || incident_id, requested_by = 'incident', target = 'unknown';
ALTER TABLE remediation
    ALTER COLUMN trigger_key SET NOT NULL,
    ALTER COLUMN requested_by SET NOT NULL,
    ALTER COLUMN target SET NOT NULL,
    ADD CONSTRAINT remediation_once_per_trigger UNIQUE (trigger_key);
CREATE INDEX remediation_incident ON remediation (incident_id);
CREATE INDEX remediation_target_finished ON remediation (target, finished_at DESC);
CREATE INDEX remediation_status ON remediation (status);

ALTER TABLE remediation_step
    -- what a changing step does (rollback, scale, ...): rate limits and approvals are per kind
    ADD COLUMN kind            TEXT,
    -- the step runs only when this named condition holds
    ADD COLUMN run_condition   TEXT,
    -- how long a waiting step may wait
    ADD COLUMN timeout_seconds BIGINT,
    ADD COLUMN undo_on_failure BOOLEAN NOT NULL DEFAULT FALSE,
    -- RUN for the playbook's steps; UNDO for those that restore what a RUN step replaced
    ADD COLUMN phase           TEXT    NOT NULL DEFAULT 'RUN',
    ADD COLUMN undoes_position INTEGER,
    ADD COLUMN mode            TEXT,
    ADD COLUMN attempts        INTEGER NOT NULL DEFAULT 0,
    -- when the engine runs the step next; null when nothing is due
    ADD COLUMN due_at          TIMESTAMPTZ,
    ADD COLUMN deadline        TIMESTAMPTZ,
    ADD COLUMN started_at      TIMESTAMPTZ,
    ADD COLUMN finished_at     TIMESTAMPTZ,
    -- the request as sent (or, in a dry run, as it would be sent), secrets redacted
    ADD COLUMN request         JSONB,
    ADD COLUMN sent            BOOLEAN,
    ADD COLUMN outcome         TEXT,
    ADD COLUMN error           TEXT,
    ADD COLUMN evidence        JSONB,
    -- the state the step replaced, and the call that restores it
    ADD COLUMN before_state    JSONB,
    ADD COLUMN undo_call       JSONB;
CREATE INDEX remediation_step_due ON remediation_step (due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX remediation_step_kind ON remediation_step (kind, finished_at) WHERE kind IS NOT NULL;

-- One running remediation per target (an ECS service, a bucket, a secret, a table).
CREATE TABLE target_lock (
    target         TEXT PRIMARY KEY,
    remediation_id UUID        NOT NULL REFERENCES remediation (id),
    acquired_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE approval (
    id             UUID PRIMARY KEY,
    remediation_id UUID        NOT NULL REFERENCES remediation (id),
    step_id        UUID        NOT NULL UNIQUE REFERENCES remediation_step (id),
    status         TEXT        NOT NULL,
    requested_at   TIMESTAMPTZ NOT NULL,
    expires_at     TIMESTAMPTZ NOT NULL,
    decided_at     TIMESTAMPTZ,
    decided_by     TEXT,
    note           TEXT,
    version        BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX approval_status ON approval (status, requested_at);

-- Append-only: each record carries the hash of the one before it, so a changed or missing record shows.
CREATE TABLE audit_record (
    seq            BIGSERIAL PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    recorded_at    TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    action         TEXT        NOT NULL,
    remediation_id UUID,
    incident_id    UUID,
    step_order     INTEGER,
    target         TEXT,
    request        TEXT,
    outcome        TEXT,
    previous_hash  TEXT        NOT NULL,
    hash           TEXT        NOT NULL UNIQUE
);
CREATE INDEX audit_record_incident ON audit_record (incident_id, seq);
CREATE INDEX audit_record_remediation ON audit_record (remediation_id, seq);

CREATE FUNCTION audit_record_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit records are append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_record_append_only BEFORE UPDATE OR DELETE ON audit_record
    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();

-- The daily backups: when each runs next, so a restart or another replica loses none.
CREATE TABLE backup_schedule (
    name                TEXT PRIMARY KEY,
    table_name          TEXT        NOT NULL,
    daily_at            TEXT        NOT NULL,
    next_run_at         TIMESTAMPTZ NOT NULL,
    last_run_at         TIMESTAMPTZ,
    last_remediation_id UUID
);
