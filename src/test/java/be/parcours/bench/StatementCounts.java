package be.parcours.bench;

import be.parcours.testsupport.EmbeddedPostgresSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The statements a workload sends to PostgreSQL, counted by the server itself
 * ({@code pg_stat_statements}, loaded when {@link EmbeddedPostgresSupport#STATEMENTS} is set before
 * the server starts), grouped by kind and first table: {@code insert act_hi_actinst 3.0}.
 */
final class StatementCounts {

  private static final Pattern INSERT = Pattern.compile("^\\s*insert\\s+into\\s+([\\w.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern UPDATE = Pattern.compile("^\\s*update\\s+([\\w.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern DELETE = Pattern.compile("^\\s*delete\\s+from\\s+([\\w.]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SELECT = Pattern.compile("\\bfrom\\s+([\\w.]+)", Pattern.CASE_INSENSITIVE);

  static final String NESTED = "(nested: foreign-key checks)";

  private final JdbcTemplate db;

  StatementCounts(JdbcTemplate db) {
    this.db = db;
  }

  static boolean available(JdbcTemplate db) {
    try {
      db.execute("create extension if not exists pg_stat_statements");
      db.queryForObject("select count(*) from pg_stat_statements", Long.class);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  void reset() {
    db.execute("select pg_stat_statements_reset()");
  }

  /** Statement calls since {@link #reset()}, by "kind table", without the counting's own statements. */
  Map<String, Long> byTable() {
    Map<String, Long> counts = new TreeMap<>();
    db.query("select query, calls, toplevel from pg_stat_statements where dbid = (select oid from pg_database where "
        + "datname = current_database())", rs -> {
          String q = rs.getString(1);
          if (!rs.getBoolean(3)) {
            // run by the server inside a client's statement: foreign-key checks of the inserts, mostly
            counts.merge(NESTED, rs.getLong(2), Long::sum);
            return;
          }
          if (q.contains("pg_stat_statements") || q.contains("pg_stat_database") || q.contains("pg_stat_force")
              || q.contains("duedate_ <= now()")
              || q.toLowerCase(Locale.ROOT).contains("count(*) from act_ru_job where process_def_key_")) {
            return;
          }
          counts.merge(key(q), rs.getLong(2), Long::sum);
        });
    return counts;
  }

  static String key(String query) {
    String q = query.strip();
    String lower = q.toLowerCase(Locale.ROOT);
    Matcher m;
    if ((m = INSERT.matcher(q)).find()) {
      return "insert " + m.group(1).toLowerCase(Locale.ROOT);
    }
    if ((m = UPDATE.matcher(q)).find()) {
      return "update " + m.group(1).toLowerCase(Locale.ROOT);
    }
    if ((m = DELETE.matcher(q)).find()) {
      return "delete " + m.group(1).toLowerCase(Locale.ROOT);
    }
    if (lower.startsWith("select") || lower.startsWith("with") || lower.startsWith("(")) {
      m = SELECT.matcher(q);
      return "select " + (m.find() ? m.group(1).toLowerCase(Locale.ROOT) : "(no table)");
    }
    String word = lower.split("\\s+", 2)[0];
    return word.isEmpty() ? "(empty)" : word;
  }

  /** The most frequent statements' text (abbreviated), for finding what sends them. */
  List<String> top(int n, int units) {
    return db.query("select calls, regexp_replace(query, '\\s+', ' ', 'g') from pg_stat_statements where toplevel "
        + "and query not like '%pg_stat%' order by calls desc limit ?", (rs, i) -> String.format(Locale.ROOT,
            "    %6.2f  %s", rs.getLong(1) / (double) units, abbreviate(rs.getString(2))), n);
  }

  private static String abbreviate(String s) {
    return s.length() <= 220 ? s : s.substring(0, 220) + "…";
  }

  /** Lines "kind table  calls per unit", largest first, and the total per unit. */
  static List<String> lines(Map<String, Long> counts, int units) {
    List<String> lines = new ArrayList<>();
    long nested = counts.getOrDefault(NESTED, 0L);
    long total = counts.values().stream().mapToLong(Long::longValue).sum() - nested;
    lines.add(String.format(Locale.ROOT, "  statements per dossier (pg_stat_statements, %d dossiers): %.1f sent by the "
        + "application, + %.1f run by the server inside them", units, total / (double) units, nested / (double) units));
    counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> lines.add(String.format(Locale.ROOT, "    %-40s %6.2f", e.getKey(), e.getValue()
            / (double) units)));
    return lines;
  }
}
