package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import be.parcours.clock.ClockTables;
import be.parcours.eligibility.RuleSetCompiler.RuleError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Eligibility by the rules legal staff own: evaluates cases with the active rule set, and checks
 * (compile + every scenario) then activates a new set from the rules directory — only if both
 * pass, atomically; otherwise the active set keeps serving and the errors are returned.
 */
@Service
public class EligibilityService implements EligibilityEvaluator {

  private static final Logger log = LoggerFactory.getLogger(EligibilityService.class);

  /** The outcome of validating a candidate rule set. */
  public record Check(RuleFiles files, CompiledRuleSet ruleSet, List<RuleError> errors, Scenarios.Report scenarios) {
    public boolean valid() {
      return errors.isEmpty() && scenarios != null && scenarios.failed().isEmpty();
    }

    /** The scenarios that failed, each with its name, what was expected and what came out. */
    public List<Scenarios.Failure> failedScenarios() {
      return scenarios == null ? List.of() : scenarios.failed();
    }
  }

  /** An open dossier whose outcome the candidate rule set would change (or could not evaluate). */
  public record ImpactedCase(long dossierId, String reference, String procedure, LocalDate referenceDate,
      String currentOutcome, String candidateOutcome, String candidateRegime, String error) {}

  /** The law-change impact of a candidate rule set: the open dossiers examined and those affected. */
  public record Impact(Check check, String activeVersion, int examined, List<ImpactedCase> affected) {}

  private final String rulesDir;
  private final RulesVersionStore versions;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final ObjectProvider<OpenCaseSource> openCases;
  private final ObjectProvider<ClockTables> clockTables;
  /** Compiled in the background while the rest of the application starts; joined at first use. */
  private final CompletableFuture<RuleEngine> engine;
  /** A problem met when loading the active version at start-up (the node then serves the seed). */
  private volatile String startupProblem;

  EligibilityService(@Value("${parcours.rules.dir:}") String rulesDir, RulesVersionStore versions, ObjectMapper mapper,
      Clock clock, ObjectProvider<OpenCaseSource> openCases, ObjectProvider<ClockTables> clockTables,
      TransactionTemplate transaction) {
    this.rulesDir = rulesDir;
    this.clockTables = clockTables;
    this.versions = versions;
    this.mapper = mapper;
    this.clock = clock;
    this.openCases = openCases;
    // the clock tables are loaded by the clock module at start-up (a broken table fails it there);
    // not touched from this background thread while the context is still being built
    this.engine = CompletableFuture.supplyAsync(() -> new RuleEngine(initialSet(transaction), clock));
  }

  /**
   * The active version of the database, compiled; when the database holds none, the seed (the
   * rules directory) is checked, imported and activated. A stored version that does not compile on
   * this node leaves it on the seed, with the problem reported as an incident.
   */
  private CompiledRuleSet initialSet(TransactionTemplate transaction) {
    String active = versions.activeVersion();
    if (active != null) {
      CompiledRuleSet stored = compileStored(active);
      if (stored != null) {
        log.info("Rules {} loaded from the database", active);
        return stored;
      }
    }
    RuleFiles seed = seedFiles().canonical();
    Check initial = check(seed, "system", false);
    if (!initial.valid()) {
      throw new IllegalStateException("the rules in " + seed.origin() + " do not pass: errors "
          + initial.errors() + ", failed scenarios "
          + (initial.scenarios() == null ? "-" : initial.scenarios().failed()));
    }
    if (active != null) {
      return initial.ruleSet();
    }
    String version = transaction.execute(tx -> {
      String now = versions.lockActiveVersion();
      if (now != null) {
        return now; // another node seeded first
      }
      versions.storeContent(seed, clock.instant());
      String v = versions.ensureVersion(seed, "system", clock.instant());
      versions.setActive(v, "system", clock.instant());
      versions.audit(clock.instant(), "system", "SEED", null, v, "import du dossier des règles " + seed.origin());
      return v;
    });
    log.info("Rules {} active (the database held none; seed {})", version, seed.origin());
    // the version just stored is the seed compiled and checked above (same content): not compiled a
    // second time (it was most of the start-up's Drools work on an empty database, issue #15)
    var row = versions.version(version);
    if (row != null && seed.contentHash().equals(row.contentHash())) {
      CompiledRuleSet checked = initial.ruleSet();
      return new CompiledRuleSet(version, row.loadedAt(), row.loadedBy(), checked.files(), checked.evaluations());
    }
    CompiledRuleSet stored = compileStored(version);
    return stored != null ? stored : initial.ruleSet();
  }

  /** A stored version compiled under its name, or null (the problem kept as this node's incident). */
  private CompiledRuleSet compileStored(String version) {
    var row = versions.version(version);
    RuleFiles files = RuleFiles.fromTexts("database:" + version, versions.contentFiles(row.contentHash()));
    var compiled = RuleSetCompiler.compile(files, version, row.loadedBy(), row.loadedAt());
    if (compiled.ok()) {
      return compiled.ruleSet();
    }
    startupProblem = "version " + version + " : " + RuleErrors.french(compiled.errors());
    log.error("The active rules {} do not compile on this node: {}; serving the seed", version, compiled.errors());
    return null;
  }

  String startupProblem() {
    return startupProblem;
  }

  /**
   * Once the application is up: the clock tables of the database's active version, read from the
   * database without waiting for the rules' compilation (the job executor starts after this, and the
   * first 200 waits for it: issue #15). When the compilation is done, the tables of the version it
   * serves replace them if it is another one (the database held none — the seed is stored by the
   * compilation — or the active version does not compile on this node and the seed serves).
   */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    String active = versions.activeVersion();
    if (active != null) {
      activateClockTables(active);
    }
    engine.whenComplete((compiled, failure) -> {
      if (failure != null) {
        log.error("No eligibility rules on this node: every verdict fails until they pass (health DOWN)", failure);
      } else if (!compiled.active().version().equals(active)) {
        activateClockTables(compiled.active().version());
      }
    });
  }

  /** The start-up compilation: still running (null), done (true) or failed (false). */
  Boolean rulesReady() {
    if (!engine.isDone()) {
      return null;
    }
    return !engine.isCompletedExceptionally();
  }

  private void activateClockTables(String version) {
    ClockTables tables = clockTables.getIfAvailable();
    var row = versions.version(version);
    if (tables != null && row != null && row.contentHash() != null) {
      try {
        tables.activate(RuleFiles.fromTexts("db", versions.contentFiles(row.contentHash())).files());
      } catch (RuntimeException e) {
        log.error("The clock tables of {} are refused on this node: {}", version, e.getMessage());
      }
    }
  }

  RuleEngine engine() {
    try {
      return engine.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  /**
   * The rules directory, the seed of the database and what {@code validate} reads: {@code
   * parcours.rules.dir}; else the {@code rules/} folder of the working directory when the
   * application runs from the project (what legal staff edit beside the README); else the rules
   * packaged with the application.
   */
  RuleFiles seedFiles() {
    if (rulesDir != null && !rulesDir.isBlank()) {
      Path dir = Path.of(rulesDir);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("parcours.rules.dir " + dir.toAbsolutePath() + " is not a directory");
      }
      return RuleFiles.fromDirectory(dir);
    }
    Path local = Path.of("rules");
    if (Files.isDirectory(local.resolve("scenarios")) && Files.isRegularFile(local.resolve("README.md"))) {
      return RuleFiles.fromDirectory(local);
    }
    return RuleFiles.fromClasspath();
  }

  /** Compiles the rules directory and runs every scenario, without activating anything. */
  public Check check(String user) {
    return check(seedFiles().canonical(), user, true);
  }

  /** Checks a candidate set: its tables' cells, compilation, clock tables, every scenario. Errors in French. */
  Check check(RuleFiles files, String user) {
    return check(files, user, true);
  }

  private Check check(RuleFiles files, String user, boolean withClockTables) {
    List<RuleError> tableErrors = new ArrayList<>();
    files.texts().forEach((path, text) -> {
      if (ParameterTables.isParameterTable(path)) {
        var table = ParameterTables.read(path, text);
        if (table != null) {
          tableErrors.addAll(ParameterTables.check(table));
        }
      }
    });
    List<RuleError> clockErrors = withClockTables ? RuleErrors.french(clockErrors(files)) : List.of();
    if (!tableErrors.isEmpty()) {
      tableErrors.addAll(clockErrors);
      return new Check(files, null, List.copyOf(tableErrors), null);
    }
    var compiled = RuleSetCompiler.compile(files, user, clock.instant());
    if (!compiled.ok()) {
      var errors = new ArrayList<>(RuleErrors.french(compiled.errors()));
      errors.addAll(clockErrors);
      return new Check(files, null, List.copyOf(errors), null);
    }
    return new Check(files, compiled.ruleSet(), clockErrors, Scenarios.run(files, compiled.ruleSet()));
  }

  /** The clock tables (rules/clocks) are checked with the rules: a broken table refuses the whole set. */
  private List<RuleError> clockErrors(RuleFiles files) {
    ClockTables tables = clockTables.getIfAvailable();
    if (tables == null) {
      return List.of();
    }
    return tables.check(files.files()).stream()
        .map(p -> new RuleError(p.file(), p.line(), 0, p.message())).toList();
  }

  /** The clock tables of these files, on this node. */
  void activateClockTables(RuleFiles files) {
    ClockTables tables = clockTables.getIfAvailable();
    if (tables != null) {
      tables.activate(files.files());
    }
  }

  /**
   * Dry run of a candidate set: evaluates every open dossier with it and lists those whose outcome
   * would change. Nothing is activated.
   */
  public Impact impact(Check check) {
    String active = activeVersion();
    if (!check.valid()) {
      return new Impact(check, active, 0, List.of());
    }
    OpenCaseSource source = openCases.getIfAvailable();
    if (source == null) {
      return new Impact(check, active, 0, List.of());
    }
    List<OpenCaseSource.OpenCase> cases = source.openCases();
    List<ImpactedCase> affected = new ArrayList<>();
    CompiledRuleSet current = engine().active();
    for (OpenCaseSource.OpenCase c : cases) {
      try {
        Object facts = readFacts(c.procedure(), c.factsJson());
        LocalDate day = c.referenceDate() != null ? c.referenceDate() : LocalDate.now(clock);
        String now = c.currentOutcome() != null ? c.currentOutcome()
            : RuleEngine.evaluate(current, facts, day, Locale.FRENCH).outcome();
        Verdict candidate = RuleEngine.evaluate(check.ruleSet(), facts, day, Locale.FRENCH);
        if (!candidate.outcome().equals(now)) {
          affected.add(new ImpactedCase(c.dossierId(), c.reference(), c.procedure(), day, now, candidate.outcome(),
              candidate.regime(), null));
        }
      } catch (RuntimeException e) {
        affected.add(new ImpactedCase(c.dossierId(), c.reference(), c.procedure(), c.referenceDate(),
            c.currentOutcome(), null, null, e.getMessage()));
      }
    }
    return new Impact(check, active, cases.size(), affected);
  }

  /** The rule set evaluations use now (legal values, alerts). */
  RuleSetCompiler.CompiledRuleSet activeRuleSet() {
    return engine().active();
  }

  /** The impact of the rules directory (POST /api/rules/impact, for scripts). */
  public Impact impact(String user) {
    return impact(check(user));
  }

  public String activeVersion() {
    return engine().active().version();
  }

  List<RulesVersionStore.VersionView> versions() {
    return versions.newestFirst();
  }

  // ---- evaluations ------------------------------------------------------------------------------

  public Verdict familyReunification(FamilyReunificationFacts facts, LocalDate referenceDate, Locale locale) {
    return RuleEngine.familyReunification(engine().active(), facts, referenceDate, locale);
  }

  public Verdict nationality(NationalityFacts facts, LocalDate referenceDate, Locale locale) {
    return RuleEngine.nationality(engine().active(), facts, referenceDate, locale);
  }

  public Verdict visa(VisaFacts facts, LocalDate referenceDate, Locale locale) {
    return RuleEngine.visa(engine().active(), facts, referenceDate, locale);
  }

  /**
   * Evaluates a dossier's facts (the JSON of the eligibility request of its procedure, without
   * referenceDate) with the active rules, messages in the given language.
   *
   * @param procedureCode "family-reunification", "nationality" or "visa"
   * @throws IllegalArgumentException when the facts cannot be read for that procedure
   */
  public Verdict evaluate(String procedureCode, String factsJson, LocalDate referenceDate, Locale locale) {
    return RuleEngine.evaluate(engine().active(), readFacts(procedureCode, factsJson), referenceDate, locale);
  }

  /** What the BPMN business-rule task calls: the verdict in French, with its JSON for the dossier. */
  @Override
  public DossierVerdict evaluate(String procedureCode, String factsJson, LocalDate referenceDate) {
    Verdict v = evaluate(procedureCode, factsJson, referenceDate, Locale.FRENCH);
    return new DossierVerdict(v.outcome(), v.regime(), v.requiredDocuments(), v.rulesVersion(), toJson(v));
  }

  /** The verdict as stored on a dossier (the same JSON as the API's response). */
  public String toJson(Verdict verdict) {
    try {
      return mapper.writeValueAsString(verdict);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  Object readFacts(String procedureCode, String factsJson) {
    ProcedureDescriptor procedure = ProcedureDescriptors.byCode(procedureCode).orElseThrow(
        () -> new IllegalArgumentException("no eligibility rules for procedure " + procedureCode));
    Object facts;
    try {
      facts = mapper.readValue(factsJson, procedure.factsType());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalArgumentException("facts of procedure " + procedureCode + " are not readable: "
          + e.getMessage(), e);
    }
    if (!procedure.factsComplete().test(facts)) {
      throw new IllegalArgumentException("facts of procedure " + procedureCode + " lack a required field");
    }
    return facts;
  }
}
