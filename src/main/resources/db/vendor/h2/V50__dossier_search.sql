-- Dossier free-text search (GET /api/dossiers?q=): the beneficiary's name normalised once, in the
-- database, so the search compares one column. H2 (embedded default). PostgreSQL: its own V50.
ALTER TABLE beneficiary ADD COLUMN search_name VARCHAR(201) GENERATED ALWAYS AS (LOWER(first_name || ' ' || last_name));
CREATE INDEX ix_beneficiary_search_name ON beneficiary (search_name);

-- ix_dossier_opened_id (opened_on, id) already serves every range on opened_on
DROP INDEX ix_dossier_opened_on;
