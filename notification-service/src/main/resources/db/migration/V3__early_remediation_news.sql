-- Remediation news that arrives before its incident's IncidentOpened (another topic, another consumer, so either
-- may come first): kept here until the incident is tracked, then applied in the order it came, and removed.
CREATE TABLE early_remediation_news (
    seq         BIGSERIAL   PRIMARY KEY,
    event_id    TEXT        NOT NULL UNIQUE,
    incident_id TEXT        NOT NULL,
    event_type  TEXT        NOT NULL,
    payload     JSONB       NOT NULL,
    received_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX early_remediation_news_incident ON early_remediation_news (incident_id, seq);
CREATE INDEX early_remediation_news_received_at ON early_remediation_news (received_at);
