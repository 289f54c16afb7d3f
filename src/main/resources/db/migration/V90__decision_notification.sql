-- How an authority's decision was notified (issue #16): the method, the posting day of a registered
-- letter (the notification is then deemed, and notified_on holds the deemed day), and whether it was
-- recorded through the API / dossier page or the Tasklist task.
ALTER TABLE authority_decision ADD COLUMN notification_method VARCHAR(20);
ALTER TABLE authority_decision ADD COLUMN posted_on DATE;
ALTER TABLE authority_decision ADD COLUMN recorded_via VARCHAR(10);
