package be.parcours.tasklist;

import be.parcours.dossier.DossierService;
import be.parcours.dossier.TaskContext;
import be.parcours.shared.TimeConfig;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What a task form shows of its dossier, in French, computed from the dossier as it is now: the
 * person, the last verdict, the documents still missing (by label), the next legal deadline
 * (label, jj/mm/aaaa, days left). Written as task-local variables when the task is created (so
 * Tasklist's cards show the person and the reference) and again each time the form is opened
 * ({@link LiveTaskContextFilter}). No facts and no special-category data: only what the card and
 * the form header need.
 */
@Component
public class TaskFormContext {

  /** Task-local variables written on each task. */
  public static final List<String> VARIABLES = List.of("dossierReference", "beneficiaryName", "eligibilitySummary",
      "missingDocuments", "nextDeadline", "dossierLink");
  static final String NOTHING_MISSING = "Aucun : tous les documents requis sont reçus";

  private static final Pattern DEADLINE = Pattern.compile("(\\S+) : (\\d{4}-\\d{2}-\\d{2})");
  private static final Pattern VERDICT = Pattern.compile("([A-Z_]+)(.*)");

  private final DossierService dossiers;
  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final DocumentLabels documents = DocumentLabels.load();
  private final MessageSource labels = labels();

  TaskFormContext(DossierService dossiers, JdbcTemplate jdbc, Clock clock) {
    this.dossiers = dossiers;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  private static MessageSource labels() {
    var source = new ResourceBundleMessageSource();
    source.setBasename("i18n/tasklist");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    source.setUseCodeAsDefaultMessage(true);
    return source;
  }

  /** The context variables of a dossier's task, now. */
  public Map<String, Object> variables(long dossierId) {
    TaskContext c = dossiers.taskContext(dossierId);
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("dossierReference", c.dossierReference());
    v.put("beneficiaryName", c.beneficiaryName());
    v.put("eligibilitySummary", verdict(c.eligibilitySummary()));
    // the context already holds the missing documents' codes ("—" for none): no second query
    List<String> missing = "—".equals(c.missingDocuments()) || c.missingDocuments() == null ? List.of()
        : java.util.Arrays.stream(c.missingDocuments().split(", ")).map(documents::label).toList();
    v.put("missingDocuments", missing.isEmpty() ? NOTHING_MISSING : String.join(" ; ", missing));
    v.put("nextDeadline", deadline(c.nextDeadline()));
    v.put("dossierLink", "/dossiers/" + dossierId);
    return v;
  }

  /** The labels of the documents still missing, rejected or expired. */
  public List<String> missingLabels(long dossierId) {
    return dossiers.missingDocuments(dossierId).stream().map(documents::label).toList();
  }

  /** The day the dossier was opened, if it exists. */
  public Optional<LocalDate> openedOn(long dossierId) {
    return jdbc.query("select opened_on from dossier where id = ?", (rs, n) -> rs.getDate(1).toLocalDate(), dossierId)
        .stream().findFirst();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(TimeConfig.BRUSSELS));
  }

  String verdict(String summary) {
    if (summary == null || summary.isBlank() || "—".equals(summary)) {
      return "Pas encore évalué";
    }
    Matcher m = VERDICT.matcher(summary.strip());
    if (!m.matches()) {
      return summary;
    }
    return label("verdict." + m.group(1), m.group(1)) + m.group(2);
  }

  String deadline(String next) {
    if (next == null || next.isBlank() || "—".equals(next)) {
      return "Aucune échéance légale en cours";
    }
    Matcher m = DEADLINE.matcher(next.strip());
    if (!m.matches()) {
      return next;
    }
    LocalDate due = LocalDate.parse(m.group(2));
    long days = ChronoUnit.DAYS.between(today(), due);
    String left = days < 0 ? "dépassée de " + (-days) + " j" : days == 0 ? "aujourd'hui" : "dans " + days + " j";
    return label("deadline." + m.group(1), m.group(1)) + " : " + due.format(FormDates.FRENCH) + " (" + left + ")";
  }

  private String label(String key, String fallback) {
    String s = labels.getMessage(key, null, fallback, java.util.Locale.FRENCH);
    return s == null ? fallback : s;
  }
}
