-- GDPR retention (be.parcours.privacy): the access log stays append-only — no DELETE, no change of
-- who, when, which dossier or what was done — but the anonymisation of a dossier may redact the
-- free-text detail of its lines (file names, reasons of exceptional accesses) to '[anonymisé]'.
CREATE OR REPLACE FUNCTION parcours_access_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.detail = '[anonymisé]' AND NEW.id = OLD.id AND NEW.dossier_id = OLD.dossier_id
      AND NEW.username = OLD.username AND NEW.action = OLD.action AND NEW.at = OLD.at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'dossier_access_log is append-only';
END;
$$;
