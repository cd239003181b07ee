-- What GET /incidents needs with 100,000 incidents stored (reporting-service/bench, docs/benchmarks.md).

-- `text` looks for a substring of title, fingerprint, id, type or service (lower(...) LIKE '%…%'): no b-tree helps,
-- so every search that matches fewer than a page read all records (0.5 to 1 s at 100,000). Trigram indexes on
-- exactly those expressions answer it with a bitmap OR; broad searches keep walking the opening-time index.
-- pg_trgm ships with PostgreSQL (contrib) and is trusted: a user who may create in the database may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX incident_record_title_trgm ON incident_record USING gin (lower(title) gin_trgm_ops);
CREATE INDEX incident_record_fingerprint_trgm ON incident_record USING gin (lower(fingerprint) gin_trgm_ops);
CREATE INDEX incident_record_id_trgm ON incident_record USING gin (lower(id) gin_trgm_ops);
CREATE INDEX incident_record_type_trgm ON incident_record USING gin (lower(type) gin_trgm_ops);
CREATE INDEX incident_record_service_trgm ON incident_record USING gin (lower(service) gin_trgm_ops);

-- sort=-resolvedAt (recently resolved first, ties newest first, then by id) in index order; resolvedAt ascending
-- reads it backwards
CREATE INDEX incident_record_resolved_at ON incident_record (resolved_at DESC, opened_at DESC, id)
    WHERE opened_at IS NOT NULL;
