-- GDPR retention (issue #11, be.parcours.privacy): when a closed dossier was anonymised. The
-- retention job selects closed dossiers not anonymised yet by their closing day.
ALTER TABLE dossier ADD COLUMN anonymised_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_dossier_retention ON dossier (status, closed_on);
