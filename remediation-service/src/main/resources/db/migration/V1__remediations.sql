-- A remediation is one playbook run for one incident; its steps are the calls it makes, in order.

CREATE TABLE remediation (
    id            UUID PRIMARY KEY,
    incident_id   UUID        NOT NULL,
    playbook      TEXT        NOT NULL,
    mode          TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    planned_at    TIMESTAMPTZ NOT NULL,
    cancelled_at  TIMESTAMPTZ,
    cancel_reason TEXT,
    version       BIGINT      NOT NULL DEFAULT 0,
    -- one plan per incident, whatever reaches the consumer twice
    CONSTRAINT remediation_one_per_incident UNIQUE (incident_id)
);

CREATE INDEX remediation_planned_at ON remediation (planned_at DESC, id);

CREATE TABLE remediation_step (
    id                UUID PRIMARY KEY,
    remediation_id    UUID    NOT NULL REFERENCES remediation (id),
    position          INTEGER NOT NULL,
    name              TEXT    NOT NULL,
    service           TEXT    NOT NULL,
    operation         TEXT    NOT NULL,
    -- the request's parameters as the step sends them; run-time values are placeholders like "<N-1>"
    parameters        JSONB   NOT NULL DEFAULT '{}',
    requires_approval BOOLEAN NOT NULL,
    status            TEXT    NOT NULL,
    CONSTRAINT remediation_step_position UNIQUE (remediation_id, position)
);
