package be.parcours.clock;

import be.parcours.shared.TimeConfig;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * Wires the clock: holidays and legal periods from the rules directory ({@code parcours.rules.dir},
 * else the packaged rules/), the office closures from configuration, the {@code legalClock} bean
 * used by the BPMN models, and the working-days business calendar registered in the engine.
 */
@Configuration
class ClockConfiguration {

  /** {@code parcours.calendar.closures}: the organisation's closure periods (both days included). */
  @ConfigurationProperties("parcours.calendar")
  record CalendarProperties(List<OfficeCalendar.Closure> closures) {
    CalendarProperties {
      closures = closures == null ? List.of() : closures;
    }
  }

  @Bean
  OfficeCalendar officeCalendar(@Value("${parcours.rules.dir:}") String rulesDir, CalendarProperties properties)
      throws IOException {
    return new OfficeCalendar(BelgianHolidays.fromRows(table(rulesDir, "clocks/public-holidays.csv")),
        properties.closures());
  }

  @Bean
  LegalClock legalClock(@Value("${parcours.rules.dir:}") String rulesDir, OfficeCalendar calendar) throws IOException {
    return new LegalClock(LegalPeriods.fromRows(table(rulesDir, "clocks/legal-deadlines.csv")), calendar);
  }

  @Bean
  static ProcessEnginePlugin workingDaysCalendarPlugin(OfficeCalendar calendar) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        var manager = new MapBusinessCalendarManager();
        manager.addBusinessCalendar(DurationBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DurationBusinessCalendar(), TimeConfig.BRUSSELS));
        manager.addBusinessCalendar(DueDateBusinessCalendar.NAME,
            new WorkingDaysBusinessCalendar(calendar, new DueDateBusinessCalendar(), TimeConfig.BRUSSELS));
        manager.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(manager);
      }
    };
  }

  static List<Map<String, String>> table(String rulesDir, String name) throws IOException {
    if (rulesDir != null && !rulesDir.isBlank()) {
      Path file = Path.of(rulesDir).resolve(name);
      if (Files.exists(file)) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          return CsvTable.read(r, name);
        }
      }
    }
    try (Reader r = new InputStreamReader(new ClassPathResource("rules/" + name).getInputStream(),
        StandardCharsets.UTF_8)) {
      return CsvTable.read(r, name);
    }
  }

  /** For plain-Java tests: the clock from the repository's rules/ folder. */
  static LegalClock fromClasspath(List<OfficeCalendar.Closure> closures) throws IOException {
    var calendar = new OfficeCalendar(BelgianHolidays.fromRows(table(null, "clocks/public-holidays.csv")), closures);
    return new LegalClock(LegalPeriods.fromRows(table(null, "clocks/legal-deadlines.csv")), calendar);
  }

}
