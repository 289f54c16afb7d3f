package be.parcours.dossier;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The files' encrypted bytes in the database (table dossier_file_content: BLOB on H2, bytea on
 * PostgreSQL), in the caller's transaction. Another store replaces it as a {@code @Primary} bean.
 */
@Component
class DatabaseFileStore implements FileStore {

  private final JdbcTemplate jdbc;

  DatabaseFileStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void put(String key, byte[] encrypted) {
    jdbc.update("insert into dossier_file_content (storage_key, content) values (?, ?)", key, encrypted);
  }

  @Override
  public Optional<byte[]> get(String key) {
    List<byte[]> rows = jdbc.query("select content from dossier_file_content where storage_key = ?",
        (rs, i) -> rs.getBytes(1), key);
    return rows.stream().findFirst();
  }

  @Override
  public void delete(String key) {
    jdbc.update("delete from dossier_file_content where storage_key = ?", key);
  }
}
