-- Issue 6: what the incident record also folds (escalations, reopenings, remediation steps, pages suppressed,
-- escalation steps), events about no incident (scaling recommendations), SLO lookups, and the scheduled reports.

ALTER TABLE incident_record
    ADD COLUMN opened_severity       TEXT,
    ADD COLUMN escalated_severity    TEXT,
    ADD COLUMN escalated_at          TIMESTAMPTZ,
    ADD COLUMN escalations           INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN last_acknowledged_at  TIMESTAMPTZ,
    ADD COLUMN last_resolved_at      TIMESTAMPTZ,
    ADD COLUMN last_reopened_at      TIMESTAMPTZ,
    ADD COLUMN reopenings            INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN steps_succeeded       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN steps_failed          INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN approvals_requested   INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN rollbacks             INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN notifications_suppressed INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN escalation_step       INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN paged                 JSONB   NOT NULL DEFAULT '[]';

CREATE INDEX incident_record_severity_opened_at ON incident_record (severity, opened_at DESC) WHERE opened_at IS NOT NULL;

-- An event about no incident (a scaling recommendation, a remediation that answers none) is on the service's
-- timeline: no incident id, the managed service when the event names one.
ALTER TABLE timeline_entry
    ALTER COLUMN incident_id DROP NOT NULL,
    ADD COLUMN managed_service TEXT;

CREATE INDEX timeline_entry_at ON timeline_entry (at DESC, id DESC);

-- Check samples by indicator: what the SLOs read.
CREATE INDEX signal_sample_sli_observed_at ON signal_sample ((labels ->> 'sli'), observed_at) WHERE source = 'check';

-- When each kind of report runs next: a row per kind, claimed with FOR UPDATE SKIP LOCKED, so one replica runs it.
CREATE TABLE report_schedule (
    kind        TEXT PRIMARY KEY,
    zone        TEXT        NOT NULL,
    run_at      TIME        NOT NULL,
    enabled     BOOLEAN     NOT NULL DEFAULT TRUE,
    next_run_at TIMESTAMPTZ,
    last_run_at TIMESTAMPTZ
);

INSERT INTO report_schedule (kind, zone, run_at) VALUES
    ('daily', 'Asia/Seoul', '09:00'),
    ('weekly', 'Asia/Seoul', '09:00'),
    ('monthly', 'Asia/Seoul', '09:00');

CREATE TABLE report (
    id           UUID PRIMARY KEY,
    kind         TEXT        NOT NULL,
    trigger      TEXT        NOT NULL,
    title        TEXT        NOT NULL,
    period_start TIMESTAMPTZ NOT NULL,
    period_end   TIMESTAMPTZ NOT NULL,
    summary      TEXT        NOT NULL,
    gaps         JSONB       NOT NULL DEFAULT '[]',
    content      JSONB       NOT NULL,
    markdown     TEXT        NOT NULL,
    html         TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);

-- a schedule fires once per period, whatever happens around it
CREATE UNIQUE INDEX report_scheduled_once ON report (kind, period_start) WHERE trigger = 'schedule';
CREATE INDEX report_created_at ON report (created_at DESC);

-- records folded before this version: their facts so far are their first and last
UPDATE incident_record SET opened_severity = severity, last_acknowledged_at = acknowledged_at,
    last_resolved_at = resolved_at;
