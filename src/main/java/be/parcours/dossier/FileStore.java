package be.parcours.dossier;

import java.util.Optional;

/**
 * Where the (already encrypted) bytes of the dossiers' files live, by an opaque key. The default
 * is the database ({@link DatabaseFileStore}); an S3-compatible object store can take over by
 * implementing these three methods (see docs/files.md). The store never sees plaintext.
 */
public interface FileStore {

  void put(String key, byte[] encrypted);

  Optional<byte[]> get(String key);

  void delete(String key);
}
