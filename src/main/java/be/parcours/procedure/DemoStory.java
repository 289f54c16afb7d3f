package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import be.parcours.dossier.BeneficiaryInput;
import be.parcours.dossier.DocumentStatus;
import be.parcours.dossier.DossierCreated;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.OpenDossierCommand;
import be.parcours.dossier.Procedure;
import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.eligibility.FamilyReunificationFacts.Applicant;
import be.parcours.eligibility.FamilyReunificationFacts.IncomeKind;
import be.parcours.eligibility.FamilyReunificationFacts.Location;
import be.parcours.eligibility.FamilyReunificationFacts.Relationship;
import be.parcours.eligibility.FamilyReunificationFacts.Residence;
import be.parcours.eligibility.FamilyReunificationFacts.Sponsor;
import be.parcours.eligibility.FamilyReunificationFacts.SponsorKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import be.parcours.cluster.BackgroundStartupEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: eighteen family reunifications opened over the last three years and driven
 * through the real procedure as the service would have (intake, legal review where the law asked
 * for it, documents, filing at the commune, the Immigration Office's decision), so that the
 * activity report, the delays view and the authority's delays show true figures from the first
 * start: files decided on time, decided late, refused, still waiting, one whose decision period has
 * passed without an answer. Business dates (opening, filing, notification) are in the past; the
 * engine's own timestamps are those of the start. Runs once, after the few current demo dossiers,
 * into a database that holds nothing older.
 *
 * <p>Told in the background once the application serves requests ({@link BackgroundStartupEvent},
 * under the start-up lock: of two nodes starting at once, one tells it and the other finds it told),
 * <em>through the running job executor</em>: the story completes the tasks a person would complete
 * and records the decisions, and waits for the job executor (of any node) to run the procedures'
 * service steps; it never runs a job itself. Its past deadlines' timers are created suspended
 * ({@link DemoStoryTimers}) and activated through the engine's API when the story's ending is that
 * the period passed; the rest are activated once the story of their dossier is told, as a job
 * executor starting after the story would have fired them.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = {"parcours.demo.dossiers", "parcours.demo.story"}, havingValue = "true",
    matchIfMissing = true)
class DemoStory {

  private static final Logger log = LoggerFactory.getLogger(DemoStory.class);
  private static final String CASEWORKER = "demo-caseworker";
  private static final String LEGAL = "demo-legal";

  /** first name, last name, birth date, nationality (ISO) — fictitious people. */
  private static final List<String[]> PEOPLE = List.of(
      new String[] {"Samira", "Haddad", "1991-02-11", "LB"}, new String[] {"Élodie", "Mbarga", "1987-09-30", "CM"},
      new String[] {"Omar", "El Idrissi", "1983-04-02", "MA"}, new String[] {"Hawa", "Traoré", "1995-12-19", "ML"},
      new String[] {"Arman", "Petrosyan", "1989-07-07", "AM"}, new String[] {"Fatima", "Zahra Alaoui", "1993-01-25", "MA"},
      new String[] {"Nadia", "Rahimi", "1990-10-14", "AF"}, new String[] {"Ibrahima", "Sow", "1986-03-03", "GN"},
      new String[] {"Lina", "Khoury", "1997-06-21", "SY"}, new String[] {"Mehmet", "Yıldız", "1984-11-09", "TR"},
      new String[] {"Aïcha", "Bah", "1992-08-16", "GN"}, new String[] {"Tigist", "Alemu", "1994-05-05", "ET"},
      new String[] {"Youssef", "Benjelloun", "1988-02-28", "MA"}, new String[] {"Mariam", "Diakité", "1996-04-12", "CI"},
      new String[] {"Kiran", "Shrestha", "1985-12-01", "NP"}, new String[] {"Sara", "Haile", "1991-09-09", "ER"},
      new String[] {"Ahmad", "Karimi", "1982-06-30", "AF"}, new String[] {"Noor", "Al-Hassan", "1998-03-17", "IQ"});

  /** What happened to each file: months since opening decide how far it went. */
  enum Ending { CLOSED_GRANTED, GRANTED, REFUSED, DECIDED_LATE, UNANSWERED_PAST_DUE, WAITING, COLLECTING }

  /**
   * {@code days}: for a decision on time, how many days before the end of its legal period it came;
   * for a late one, how many days after (the period itself is the clock table's, read once filed).
   */
  record Story(int monthsAgo, Ending ending, int days) {}

  static final List<Story> STORIES = List.of(
      new Story(35, Ending.CLOSED_GRANTED, 95), new Story(33, Ending.CLOSED_GRANTED, 41),
      new Story(31, Ending.REFUSED, 63), new Story(29, Ending.DECIDED_LATE, 24),
      new Story(27, Ending.CLOSED_GRANTED, 12), new Story(25, Ending.GRANTED, 77),
      new Story(23, Ending.DECIDED_LATE, 48), new Story(21, Ending.GRANTED, 30),
      new Story(19, Ending.REFUSED, 8), new Story(17, Ending.GRANTED, 54),
      new Story(15, Ending.DECIDED_LATE, 17), new Story(14, Ending.UNANSWERED_PAST_DUE, 0),
      new Story(13, Ending.GRANTED, 36), new Story(12, Ending.UNANSWERED_PAST_DUE, 0),
      new Story(6, Ending.WAITING, 0), new Story(4, Ending.WAITING, 0),
      new Story(2, Ending.WAITING, 0), new Story(1, Ending.COLLECTING, 0));

  private final DossierService dossiers;
  private final DecisionService decisions;
  private final TaskService tasks;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final ProcessEngineConfigurationImpl engine;

  /** Stories told by this node's last telling (-1: not told here); DemoStoryIsolatedIT reads it. */
  private volatile int told = -1;

  int told() {
    return told;
  }

  /** How long the story waits for the job executor to move a procedure to its next step. */
  static final long WAIT_NANOS = 180_000_000_000L;

  DemoStory(DossierService dossiers, DecisionService decisions, TaskService tasks, ManagementService management,
      RuntimeService runtime, JdbcTemplate jdbc, ObjectMapper mapper, Clock clock,
      ProcessEngineConfigurationImpl engine) {
    this.engine = engine;
    this.runtime = runtime;
    this.dossiers = dossiers;
    this.decisions = decisions;
    this.tasks = tasks;
    this.management = management;
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.clock = clock;
  }

  @EventListener
  @Order(15)
  public void onReady(BackgroundStartupEvent event) {
    LocalDate today = LocalDate.now(clock);
    Integer older = jdbc.queryForObject("select count(*) from dossier where opened_on < ?", Integer.class,
        Date.valueOf(today.minusDays(60)));
    Integer all = jdbc.queryForObject("select count(*) from dossier", Integer.class);
    if (older == null || older > 0 || all == null || all > 5) {
      return;
    }
    awaitJobExecutor();
    long t0 = System.nanoTime();
    int told = tell(today);
    this.told = told;
    log.info("Demo story: {} of {} family reunifications over three years told in {} ms", told, STORIES.size(),
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** The story is told through the job executor, which the engine starts once the application is ready. */
  private void awaitJobExecutor() {
    long until = System.nanoTime() + WAIT_NANOS;
    while (engine.getJobExecutor() != null && !engine.getJobExecutor().isActive() && System.nanoTime() < until) {
      pause();
    }
  }

  /** Opens and drives every story; a story that cannot be told is logged and left where it stands. */
  int tell(LocalDate today) {
    int told = 0;
    for (int i = 0; i < STORIES.size(); i++) {
      Story story = STORIES.get(i);
      String[] p = PEOPLE.get(i % PEOPLE.size());
      LocalDate opened = today.minusMonths(story.monthsAgo()).withDayOfMonth(1 + (i * 5) % 25);
      try {
        tell(story, p, opened, today);
        told++;
      } catch (RuntimeException e) {
        log.warn("Demo story of {} {} left at its current step: {}", p[0], p[1], e.getMessage());
      }
    }
    return told;
  }

  private void tell(Story story, String[] person, LocalDate opened, LocalDate today) {
    FamilyReunificationFacts facts = new FamilyReunificationFacts(
        new Sponsor(SponsorKind.THIRD_COUNTRY_NATIONAL, Residence.UNLIMITED, opened.minusYears(3),
            new BigDecimal("2950.00"), Set.of(IncomeKind.EMPLOYMENT), true, true, 2),
        new Applicant(Relationship.SPOUSE, LocalDate.parse(person[2]).plusYears(1), opened.minusYears(4), true,
            Location.IN_BELGIUM));
    DossierCreated created = dossiers.open(new OpenDossierCommand(Procedure.FAMILY_REUNIFICATION,
        new BeneficiaryInput(person[0], person[1], LocalDate.parse(person[2]), person[3], List.of("fr"), null, null),
        opened, facts, json(facts), null), CASEWORKER);
    long id = created.id();
    String reference = created.reference();
    // its past deadlines' timers are held until the story lets them fire (DemoStoryTimers)
    runtime.setVariable(created.processInstanceId(), DemoStoryTimers.STORY_VARIABLE, true);
    var openedAt = opened.atTime(9, 30).atZone(ZoneId.of("Europe/Brussels")).toInstant();
    jdbc.update("update dossier set opened_on = ?, created_at = ? where id = ?", Date.valueOf(opened),
        java.sql.Timestamp.from(openedAt), id);

    complete(reference, "Task_Intake", Map.of(ProcessVariables.INTAKE_NOTE, "Premier entretien (démonstration)"));
    Task next = await(reference, "Task_LegalReview", "Task_CollectDocuments");
    if ("Task_LegalReview".equals(next.getTaskDefinitionKey())) {
      complete(reference, "Task_LegalReview", Map.of(ProcessVariables.REVIEW_DECISION, "CONTINUE"));
      await(reference, "Task_CollectDocuments");
    }
    if (story.ending() == Ending.COLLECTING) {
      return;
    }
    for (String code : dossiers.missingDocuments(id)) {
      dossiers.updateDocument(id, code, DocumentStatus.VALIDATED, true, true, null, "démonstration", CASEWORKER);
    }
    complete(reference, "Task_CollectDocuments", Map.of());
    LocalDate filedOn = opened.plusDays(21);
    await(reference, "Task_FileAtCommune");
    complete(reference, "Task_FileAtCommune", Map.of(ProcessVariables.FILED_ON, filedOn.toString()));
    drain(reference, false);
    LocalDate dueOn = jdbc.queryForObject("select due_on from deadline where dossier_id = ? and code = 'DECISION'",
        Date.class, id).toLocalDate();
    LocalDate answered = story.ending() == Ending.DECIDED_LATE ? dueOn.plusDays(story.days())
        : dueOn.minusDays(story.days());
    switch (story.ending()) {
      case WAITING, UNANSWERED_PAST_DUE -> drain(reference, true); // a passed decision period fires its timer
      case REFUSED -> {
        decide(id, reference, DecisionOutcome.NEGATIVE, answered, today);
        // the person chose not to appeal (the service advised a new application)
        completeIfThere(reference, "Task_PrepareAppeal", Map.of(ProcessVariables.APPEAL_CHOICE, "NONE"));
        drain(reference, true);
      }
      default -> {
        decide(id, reference, DecisionOutcome.POSITIVE, answered, today);
        if (story.ending() == Ending.CLOSED_GRANTED) {
          finishFollowUps(reference);
        }
      }
    }
    // the deadlines still held pass now, as they did when the job executor started after the story
    drain(reference, true);
  }

  private void decide(long id, String reference, DecisionOutcome outcome, LocalDate notifiedOn, LocalDate today) {
    LocalDate on = notifiedOn.isAfter(today) ? today.minusDays(1) : notifiedOn;
    await(reference, "Task_RecordDecision", "Task_RecordLateDecision");
    retried(reference, () -> decisions.record(id, new DecisionService.Decision(outcome, on), LEGAL));
    drain(reference, false);
  }

  /** Completes the follow-up tasks of a granted file until the procedure closes it. */
  private void finishFollowUps(String reference) {
    for (int round = 0; round < 12; round++) {
      drain(reference, false);
      List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(reference).list();
      if (open.isEmpty()) {
        return;
      }
      for (Task t : open) {
        retried(reference, () -> tasks.complete(t.getId(), followUpVariables(t.getTaskDefinitionKey())));
      }
    }
  }

  private static Map<String, Object> followUpVariables(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    if ("Task_RegisterAtCommune".equals(taskKey)) {
      v.put("registrationNote", "Inscrite à la commune (démonstration)");
    }
    return v;
  }

  private void complete(String reference, String taskKey, Map<String, Object> variables) {
    Task task = await(reference, taskKey);
    retried(reference, () -> tasks.complete(task.getId(), variables));
  }

  /**
   * Runs a step of the story again when it met the job executor working on the same procedure at
   * the same moment (the engine's optimistic locking: one of the two transactions is rolled back).
   */
  private void retried(String reference, Runnable step) {
    for (int attempt = 1; ; attempt++) {
      try {
        step.run();
        return;
      } catch (RuntimeException e) {
        if (attempt >= 5 || !metTheJobExecutor(e)) {
          throw e;
        }
        log.debug("Demo story of {}: step met the job executor, again ({})", reference, e.getMessage());
        drain(reference, false);
      }
    }
  }

  /**
   * Whether a step failed because a job executor worked on the same procedure at the same moment: the
   * engine's optimistic locking, or — on PostgreSQL — a foreign-key violation between the rows the two
   * transactions wrote (an execution ended by one while the other wrote its variable), which the
   * engine reports as a plain failure. Either way the step is sound and is run again.
   */
  static boolean metTheJobExecutor(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OptimisticLockingException
          || t instanceof java.sql.SQLException sql && "23503".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private void completeIfThere(String reference, String taskKey, Map<String, Object> variables) {
    drain(reference, false);
    Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(taskKey)
        .singleResult();
    if (task != null) {
      retried(reference, () -> tasks.complete(task.getId(), variables));
    }
  }

  /**
   * Waits until the job executor has run the procedure's due service steps (its async jobs), so that
   * the procedure stands at its next wait state; with {@code timersToo}, first lets its held past
   * deadlines fire (activates their suspended timers) and waits for those too. The story never runs
   * a job itself: the job executor (of this node or another) does, as for any dossier.
   */
  private void drain(String reference, boolean timersToo) {
    long until = System.nanoTime() + WAIT_NANOS;
    while (System.nanoTime() < until) {
      List<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()
          .stream().map(i -> i.getId()).toList();
      long pending = 0;
      for (String instance : instances) {
        if (timersToo) {
          for (Job held : management.createJobQuery().processInstanceId(instance).suspended().timers().list()) {
            management.activateJobById(held.getId());
          }
        }
        var query = management.createJobQuery().processInstanceId(instance).active().executable();
        pending += (timersToo ? query : query.messages()).count();
      }
      if (pending == 0) {
        return;
      }
      pause();
    }
    throw new IllegalStateException("the job executor did not run the due steps of " + reference + " in time");
  }

  /** The first of these tasks to appear (the job executor running the service steps before it). */
  private Task await(String reference, String... taskKeys) {
    long until = System.nanoTime() + WAIT_NANOS;
    while (System.nanoTime() < until) {
      for (String key : taskKeys) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(reference).taskDefinitionKey(key)
            .singleResult();
        if (task != null) {
          return task;
        }
      }
      pause();
    }
    throw new IllegalStateException("no task " + String.join(" or ", taskKeys) + " for " + reference);
  }

  private static void pause() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private String json(Object facts) {
    try {
      return mapper.writeValueAsString(facts);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
