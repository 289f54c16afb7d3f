package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The rules_version table: every loaded rule set, the active one flagged. */
@Repository
class RulesVersionStore {

  record VersionView(String version, Instant loadedAt, String loadedBy, boolean active, List<String> files) {}

  private final JdbcTemplate jdbc;

  RulesVersionStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public void recordActive(CompiledRuleSet ruleSet) {
    jdbc.update("update rules_version set active = false where active = true");
    int updated = jdbc.update("update rules_version set active = true where version = ?", ruleSet.version());
    if (updated == 0) {
      jdbc.update("insert into rules_version (version, loaded_at, loaded_by, active, files) values (?, ?, ?, true, ?)",
          ruleSet.version(), Timestamp.from(ruleSet.loadedAt()), ruleSet.loadedBy(), String.join("\n", ruleSet.files()));
    }
  }

  List<VersionView> newestFirst() {
    return jdbc.query("select version, loaded_at, loaded_by, active, files from rules_version order by loaded_at desc",
        (rs, i) -> new VersionView(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getBoolean(4),
            Arrays.asList(rs.getString(5).split("\n"))));
  }
}
