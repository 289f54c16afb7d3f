package be.parcours.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Legal staff change a clock table without a restart: checked first, activated whole, or refused. */
class ClockTablesTest {

  static final LocalDate NOTIFIED = LocalDate.parse("2026-03-02");

  ClockTestSupport.ReloadableClock clock;
  Map<String, byte[]> files;

  @BeforeEach
  void repositoryTables() throws IOException {
    clock = ClockTestSupport.reloadable(Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneId.of("Europe/Brussels")));
    files = new HashMap<>();
    for (String name : new String[] {ClockTables.DEADLINES, ClockTables.HOLIDAYS}) {
      files.put(name, Files.readAllBytes(Path.of("rules").resolve(name)));
    }
  }

  private void edit(String name, String from, String to) {
    String text = new String(files.get(name), StandardCharsets.UTF_8);
    assertThat(text).contains(from);
    files.put(name, text.replace(from, to).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void a_changed_period_applies_to_the_deadlines_computed_after_the_reload() {
    LocalDate before = clock.legalClock().deadline("APPEAL_CCE", NOTIFIED).dueOn();
    edit(ClockTables.DEADLINES, "APPEAL_CCE,30,DAYS", "APPEAL_CCE,45,DAYS");

    assertThat(clock.tables().check(files)).isEmpty();
    clock.tables().activate(files);

    assertThat(before).isEqualTo("2026-04-01");
    assertThat(clock.legalClock().deadline("APPEAL_CCE", NOTIFIED).dueOn()).isEqualTo("2026-04-16");
  }

  @Test
  void a_broken_period_is_refused_with_its_line_and_the_old_table_keeps_serving() {
    edit(ClockTables.DEADLINES, "APPEAL_CCE,30,DAYS", "APPEAL_CCE,trente,DAYS");

    var problems = clock.tables().check(files);

    assertThat(problems).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo(ClockTables.DEADLINES);
      assertThat(p.line()).isEqualTo(14);
      assertThat(p.message()).contains("trente");
    });
    assertThatThrownBy(() -> clock.tables().activate(files)).hasMessageContaining("trente");
    assertThat(clock.legalClock().deadline("APPEAL_CCE", NOTIFIED).dueOn()).isEqualTo("2026-04-01");
  }

  @Test
  void a_period_the_procedures_use_cannot_disappear() {
    edit(ClockTables.DEADLINES, "APPEAL_CCE,30,DAYS,true,2007-06-01,,", "APPEAL_CCE,30,DAYS,true,2007-06-01,2026-01-01,");

    assertThat(clock.tables().check(files)).singleElement()
        .satisfies(p -> assertThat(p.message()).startsWith("APPEAL_CCE: no period in force today"));
  }

  @Test
  void a_broken_holiday_rule_or_a_missing_table_is_refused() {
    edit(ClockTables.HOLIDAYS, "FIXED:07-21", "FIXED:07-32");
    files.remove(ClockTables.DEADLINES);

    assertThat(clock.tables().check(files)).extracting(ClockTables.Problem::file, ClockTables.Problem::line)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ClockTables.DEADLINES, 0),
            org.assertj.core.groups.Tuple.tuple(ClockTables.HOLIDAYS, lineOf("FIXED:07-21")));
  }

  private static int lineOf(String text) {
    try {
      var lines = Files.readAllLines(Path.of("rules").resolve(ClockTables.HOLIDAYS));
      return lines.indexOf(lines.stream().filter(l -> l.contains(text)).findFirst().orElseThrow()) + 1;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
