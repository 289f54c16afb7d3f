-- The access log is written on every search hit (one line per dossier shown, DossierSearch) and read by
-- dossier, newest first (ix_access_log_dossier_at, V65). ix_access_log_dossier (V1) indexes a prefix of
-- that index: it serves no query the other does not, and every line paid for both. (docs/benchmarks.md)
DROP INDEX IF EXISTS ix_access_log_dossier;
