-- Every rule set loaded (at start-up or by a reload): its version (load time + content hash),
-- who loaded it, when, its files, and which one is active.
CREATE TABLE rules_version (
    version        VARCHAR(100) PRIMARY KEY,
    loaded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    loaded_by      VARCHAR(100) NOT NULL,
    active         BOOLEAN NOT NULL,
    files          VARCHAR(20000) NOT NULL
);
CREATE INDEX ix_rules_version_loaded ON rules_version (loaded_at);
