-- PostgreSQL: the accent-free search key (V65) with a trigram index ("contains" matching, pg_trgm
-- from V50); file contents (AES-GCM ciphertext) as bytea.
CREATE INDEX ix_beneficiary_search_key_trgm ON beneficiary USING gin (search_key gin_trgm_ops);

CREATE TABLE dossier_file_content (
    storage_key    VARCHAR(100) PRIMARY KEY,
    content        BYTEA NOT NULL
);

-- The access log is append-only: no UPDATE or DELETE, whoever connects.
CREATE FUNCTION parcours_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'dossier_access_log is append-only';
END;
$$;
CREATE TRIGGER tr_access_log_append_only BEFORE UPDATE OR DELETE ON dossier_access_log
  FOR EACH ROW EXECUTE FUNCTION parcours_access_log_append_only();
