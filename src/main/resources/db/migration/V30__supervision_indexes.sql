-- Supervision (issue #6): indexes for the delays list and the dossier search at 50,000 dossiers.
-- Next pending deadline per dossier: an index-only scan grouped by dossier.
CREATE INDEX ix_deadline_status_dossier_due ON deadline (status, dossier_id, due_on);
-- Dossier search's default order (newest first) and paging.
CREATE INDEX ix_dossier_opened_id ON dossier (opened_on, id);
