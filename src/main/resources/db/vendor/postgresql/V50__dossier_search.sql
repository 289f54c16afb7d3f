-- Dossier free-text search (GET /api/dossiers?q=): "contains" matching (LIKE '%q%') served by
-- trigram indexes (pg_trgm, a trusted extension shipped with PostgreSQL: the database owner may
-- create it). The beneficiary's name is normalised once, in the database, as a generated column.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

ALTER TABLE beneficiary ADD COLUMN search_name TEXT GENERATED ALWAYS AS (lower(first_name || ' ' || last_name)) STORED;
CREATE INDEX ix_beneficiary_search_trgm ON beneficiary USING gin (search_name gin_trgm_ops);
CREATE INDEX ix_dossier_reference_trgm ON dossier USING gin (lower(reference) gin_trgm_ops);

-- ix_dossier_opened_id (opened_on, id) already serves every range on opened_on
DROP INDEX ix_dossier_opened_on;
