package be.parcours.eligibility;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import be.parcours.eligibility.RuleSetCompiler.RuleError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

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

  private final String rulesDir;
  private final RulesVersionStore versions;
  private final ObjectMapper mapper;
  private final Clock clock;
  /** Compiled in the background while the rest of the application starts; joined at first use. */
  private final java.util.concurrent.CompletableFuture<RuleEngine> engine;

  EligibilityService(@Value("${parcours.rules.dir:}") String rulesDir, RulesVersionStore versions, ObjectMapper mapper,
      Clock clock) {
    this.rulesDir = rulesDir;
    this.versions = versions;
    this.mapper = mapper;
    this.clock = clock;
    this.engine = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      Check initial = check("system");
      if (!initial.valid()) {
        throw new IllegalStateException("the rules in " + initial.files().origin() + " do not pass: errors "
            + initial.errors() + ", failed scenarios "
            + (initial.scenarios() == null ? "-" : initial.scenarios().failed()));
      }
      log.info("Rules {} loaded from {}", initial.ruleSet().version(), initial.files().origin());
      return new RuleEngine(initial.ruleSet());
    });
  }

  /** Refuses to finish starting with rules that do not compile or whose scenarios fail. */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    versions.recordActive(engine().active());
  }

  private RuleEngine engine() {
    try {
      return engine.join();
    } catch (java.util.concurrent.CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  RuleFiles currentFiles() {
    if (rulesDir != null && !rulesDir.isBlank()) {
      Path dir = Path.of(rulesDir);
      if (!Files.isDirectory(dir)) {
        throw new IllegalStateException("parcours.rules.dir " + dir.toAbsolutePath() + " is not a directory");
      }
      return RuleFiles.fromDirectory(dir);
    }
    return RuleFiles.fromClasspath();
  }

  /** Compiles the rules directory and runs every scenario, without activating anything. */
  public Check check(String user) {
    RuleFiles files = currentFiles();
    var compiled = RuleSetCompiler.compile(files, user, clock.instant());
    if (!compiled.ok()) {
      return new Check(files, null, compiled.errors(), null);
    }
    return new Check(files, compiled.ruleSet(), List.of(), Scenarios.run(files, compiled.ruleSet()));
  }

  /** Checks, then activates the new set if it passes; concurrent reloads are serialised. */
  public synchronized Check reload(String user) {
    Check check = check(user);
    if (check.valid()) {
      versions.recordActive(check.ruleSet());
      engine().activate(check.ruleSet());
      log.info("Rules {} activated by {}", check.ruleSet().version(), user);
    }
    return check;
  }

  /**
   * The outcome a candidate rule set (checked, not activated) would give a dossier's facts, or
   * null when the procedure has no rules yet.
   */
  public String candidateOutcome(Check candidate, String procedureCode, String factsJson, LocalDate referenceDate) {
    if (!candidate.valid() || !"family-reunification".equals(procedureCode)) {
      return null;
    }
    try {
      var facts = mapper.readValue(factsJson, FamilyReunificationFacts.class);
      return RuleEngine.familyReunification(candidate.ruleSet(), facts, referenceDate, Locale.FRENCH).outcome();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("facts of procedure " + procedureCode + " are not readable", e);
    }
  }

  public String activeVersion() {
    return engine().active().version();
  }

  List<RulesVersionStore.VersionView> versions() {
    return versions.newestFirst();
  }

  public Verdict familyReunification(FamilyReunificationFacts facts, LocalDate referenceDate, Locale locale) {
    return engine().familyReunification(facts, referenceDate, locale);
  }

  @Override
  public DossierVerdict evaluate(String procedureCode, String factsJson, LocalDate referenceDate) {
    if (!"family-reunification".equals(procedureCode)) {
      throw new IllegalArgumentException("no eligibility rules for procedure " + procedureCode + " yet");
    }
    try {
      var facts = mapper.readValue(factsJson, FamilyReunificationFacts.class);
      Verdict v = familyReunification(facts, referenceDate, Locale.FRENCH);
      return new DossierVerdict(v.outcome(), v.regime(), v.requiredDocuments(), v.rulesVersion(),
          mapper.writeValueAsString(v));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("facts of procedure " + procedureCode + " are not readable", e);
    }
  }
}
