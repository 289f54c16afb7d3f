-- H2: the accent-free search key (V65) indexed; file contents (AES-GCM ciphertext) as BLOB.
CREATE INDEX ix_beneficiary_search_key ON beneficiary (search_key);

CREATE TABLE dossier_file_content (
    storage_key    VARCHAR(100) PRIMARY KEY,
    content        BLOB NOT NULL
);
