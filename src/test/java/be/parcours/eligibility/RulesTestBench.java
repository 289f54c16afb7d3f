package be.parcours.eligibility;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The rules module without Spring: an in-memory database with the rules tables, a rules folder, nodes on it. */
final class RulesTestBench {

  final JdbcTemplate jdbc;
  final TransactionTemplate transaction;
  final RulesVersionStore store;
  final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());

  RulesTestBench() throws IOException {
    var ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:rules-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    jdbc = new JdbcTemplate(ds);
    jdbc.execute(Files.readString(Path.of("src/main/resources/db/migration/V10__rules_versions.sql")));
    for (String statement : Files.readString(Path.of("src/main/resources/db/migration/V85__rules_workbench.sql"))
        .split(";\\s*\n")) {
      if (!statement.replaceAll("(?m)^--.*$", "").isBlank()) {
        jdbc.execute(statement);
      }
    }
    transaction = new TransactionTemplate(new DataSourceTransactionManager(ds));
    store = new RulesVersionStore(jdbc);
  }

  static void copyRules(Path target) throws IOException {
    Path source = Path.of("rules");
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path p : walk.toList()) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /** A node: its service (started, ready) and its workbench. */
  record Node(EligibilityService service, RulesWorkbench workbench) {}

  Node node(String name, Path rulesDir, Clock clock, StaticListableBeanFactory beans) {
    var service = new EligibilityService(rulesDir.toString(), store, mapper, clock,
        beans.getBeanProvider(OpenCaseSource.class), beans.getBeanProvider(be.parcours.clock.ClockTables.class),
        transaction);
    service.onReady(null);
    return new Node(service, new RulesWorkbench(service, store, transaction, mapper, clock, name));
  }

  Node node(String name, Path rulesDir, Clock clock) {
    return node(name, rulesDir, clock, new StaticListableBeanFactory());
  }
}
