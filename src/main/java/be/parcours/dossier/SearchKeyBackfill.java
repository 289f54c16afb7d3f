package be.parcours.dossier;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Fills the search key (V65) of the beneficiaries written before it existed, or by hand: the
 * accent-free form is computed in Java (SearchText), the same on H2 and PostgreSQL.
 */
@Component
class SearchKeyBackfill implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(SearchKeyBackfill.class);
  private static final int BATCH = 1000;

  private final JdbcTemplate jdbc;

  SearchKeyBackfill(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void run(ApplicationArguments args) {
    int total = fill();
    if (total > 0) {
      log.info("Search keys computed for {} beneficiaries", total);
    }
  }

  /** @return how many rows were filled */
  int fill() {
    int total = 0;
    while (true) {
      List<Object[]> rows = jdbc.query("select id, first_name, last_name from beneficiary where search_key is null "
          + "order by id fetch first " + BATCH + " rows only", (rs, i) -> new Object[] {
              SearchText.key(rs.getString(2), rs.getString(3)), rs.getLong(1)});
      if (rows.isEmpty()) {
        return total;
      }
      jdbc.batchUpdate("update beneficiary set search_key = ? where id = ?", rows);
      total += rows.size();
    }
  }
}
