CREATE TABLE sns_subscription (
    topic_arn  TEXT PRIMARY KEY,
    status     TEXT        NOT NULL,
    message_id TEXT,
    detail     TEXT,
    updated_at TIMESTAMPTZ NOT NULL
);
