package be.parcours.eligibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/**
 * Compiles a rule set with Drools' classic build (KieFileSystem + KieBuilder), reporting errors by
 * file, line and column. One KieBase per procedure: the files of its folder
 * ({@code family-reunification/}, {@code nationality/}, {@code visa/}) plus any rule file outside
 * the procedure folders (shared by all three).
 */
final class RuleSetCompiler {

  static final List<String> PROCEDURES = ProcedureDescriptors.rulesFolders();

  /** A compilation error in legal staff's terms. */
  record RuleError(String file, int line, int column, String message) {}

  /** A compiled, immutable rule set: evaluations keep the one they started with. */
  record CompiledRuleSet(String version, Instant loadedAt, String loadedBy, List<String> files,
      Map<String, Evaluation> evaluations) {

    /** The rules a case of the procedure is evaluated with (without the parameter tables' rows: see {@link Evaluation}). */
    KieBase kieBase(String procedure) {
      return evaluation(procedure).kieBase();
    }

    Evaluation evaluation(String procedure) {
      Evaluation e = evaluations.get(procedure);
      if (e == null) {
        throw new IllegalArgumentException("no rules for procedure " + procedure);
      }
      return e;
    }
  }

  /**
   * A procedure's compiled rules ready for evaluations. The parameter tables' rows are rules
   * without conditions that each build a {@link LegalParameter} (parsing its dates) and insert
   * it: identical in every evaluation, they are fired once here and removed from the KieBase,
   * and their rows inserted as facts with each case, in the order the tables inserted them. The
   * rows are never changed by the rules (they only read them), so evaluations share them.
   */
  // Not a KieSessionsPool: Drools 10.1's reset of a pooled session does not clear the
  // activation groups (one regime, one finding per criterion): 73 of 141 scenarios failed with it.
  record Evaluation(KieBase kieBase, List<LegalParameter> parameters) {}

  record Result(CompiledRuleSet ruleSet, List<RuleError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final AtomicLong BUILDS = new AtomicLong();

  private RuleSetCompiler() {}

  static Result compile(RuleFiles files, String loadedBy, Instant now) {
    return compile(files, now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "#" + files.contentHash(), loadedBy,
        now);
  }

  /** Compiles a set under a given version name (a version stored in the database keeps its name). */
  static Result compile(RuleFiles files, String version, String loadedBy, Instant now) {
    KieServices ks = KieServices.Factory.get();
    Set<RuleError> errors = new LinkedHashSet<>();
    Map<String, KieBase> kieBases = new LinkedHashMap<>();
    List<ReleaseId> built = new ArrayList<>();
    for (String procedure : PROCEDURES) {
      ReleaseId releaseId = ks.newReleaseId("be.parcours", "rules-" + procedure, "1.0." + BUILDS.incrementAndGet());
      built.add(releaseId);
      KieFileSystem kfs = ks.newKieFileSystem();
      kfs.generateAndWritePomXML(releaseId);
      boolean any = false;
      for (var entry : files.files().entrySet()) {
        String path = entry.getKey();
        if (files.isRuleFile(path) && belongsTo(path, procedure)) {
          kfs.write("src/main/resources/rules/" + path, entry.getValue());
          any = true;
        }
      }
      if (!any) {
        errors.add(new RuleError(procedure + "/", 0, 0, "no rule file for procedure " + procedure));
        continue;
      }
      KieBuilder builder;
      try {
        builder = ks.newKieBuilder(kfs).buildAll();
      } catch (RuntimeException e) {
        // a decision table that cannot be parsed is thrown, not reported: name its file and cell
        errors.add(parseError(e));
        continue;
      }
      for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
        errors.add(new RuleError(m.getPath() == null ? null
            : m.getPath().replaceFirst("^(src/main/resources/)?rules/", ""), m.getLine(), m.getColumn(),
            m.getText()));
      }
      if (errors.isEmpty()) {
        kieBases.put(procedure, ks.newKieContainer(releaseId).getKieBase());
      }
    }
    Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    if (errors.isEmpty()) {
      for (var e : kieBases.entrySet()) {
        try {
          evaluations.put(e.getKey(), evaluation(e.getValue()));
        } catch (RuntimeException ex) {
          // a table row that cannot build its value (a date Drools accepted but Java cannot read)
          errors.add(new RuleError(e.getKey() + "/", 0, 0, String.valueOf(ex.getMessage())));
        }
      }
    }
    // the KieBases keep what they need; the repository must not grow with every reload
    built.forEach(id -> ks.getRepository().removeKieModule(id));
    if (!errors.isEmpty()) {
      return new Result(null, List.copyOf(errors));
    }
    return new Result(new CompiledRuleSet(version, now, loadedBy, List.copyOf(files.files().keySet()),
        Map.copyOf(evaluations)), List.of());
  }

  /**
   * Fires the KieBase once without any fact: the rules without conditions that only inserted legal
   * parameters (the tables' rows) are removed from it, their rows kept. A rule that did anything
   * else (wrote to {@code out}, inserted another fact) stays, and its rows are not pre-inserted.
   */
  static Evaluation evaluation(KieBase kieBase) {
    Map<org.kie.api.definition.rule.Rule, List<Object>> inserted = new LinkedHashMap<>();
    Set<org.kie.api.definition.rule.Rule> fired = new LinkedHashSet<>();
    RuleOutput probe = new RuleOutput();
    org.kie.api.runtime.KieSession session = kieBase.newKieSession();
    try {
      session.setGlobal("out", probe);
      session.addEventListener(new org.kie.api.event.rule.DefaultRuleRuntimeEventListener() {
        @Override
        public void objectInserted(org.kie.api.event.rule.ObjectInsertedEvent event) {
          inserted.computeIfAbsent(event.getRule(), r -> new ArrayList<>()).add(event.getObject());
        }
      });
      session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
        @Override
        public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
          fired.add(event.getMatch().getRule());
        }
      });
      session.fireAllRules();
    } finally {
      session.dispose();
    }
    if (!probe.isEmpty()) {
      return new Evaluation(applyPendingChanges(kieBase), List.of());
    }
    List<LegalParameter> rows = new ArrayList<>();
    List<org.kie.api.definition.rule.Rule> removable = new ArrayList<>();
    for (var rule : fired) {
      List<Object> facts = inserted.getOrDefault(rule, List.of());
      boolean unconditional = rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl
          && impl.getLhs().getChildren().isEmpty();
      if (unconditional && !facts.isEmpty() && facts.stream().allMatch(LegalParameter.class::isInstance)) {
        removable.add(rule);
        facts.forEach(f -> rows.add((LegalParameter) f));
      }
    }
    // rows inserted by a rule that stays (with conditions) are inserted by it again in each evaluation
    for (var rule : removable) {
      kieBase.removeRule(rule.getPackageName(), rule.getName());
    }
    return new Evaluation(applyPendingChanges(kieBase), List.copyOf(rows));
  }

  /**
   * Drools applies a rule base's pending changes (here: rules removed, after which the package's
   * classes are wired again under a new class loader) at the first insert of a session, in whichever
   * thread comes first, while other threads may already fire rules on the half-wired package: a
   * rule's consequence class was then defined twice and that rule failed on every later verdict of
   * the node ("duplicate class definition", {@code RuleSetConcurrencyTest}). Applied here, in the
   * compiling thread, before the set serves anyone.
   */
  static KieBase applyPendingChanges(KieBase kieBase) {
    if (kieBase instanceof org.drools.kiesession.rulebase.InternalKnowledgeBase internal) {
      internal.executeQueuedActions();
    } else {
      throw new IllegalStateException("unexpected rule base " + kieBase.getClass().getName());
    }
    return kieBase;
  }

  private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("\\[(?:rules/)?([^\\]]+)\\]");
  private static final java.util.regex.Pattern CELL = java.util.regex.Pattern.compile("cell ([A-Z]+)(\\d+)");

  /** "[rules/visa/x.drl.csv] Priority is not an integer literal, in cell K28" → file, line 28, column 11. */
  static RuleError parseError(RuntimeException e) {
    Throwable t = e;
    while (t.getCause() != null && t.getMessage() != null && !t.getMessage().contains("[")) {
      t = t.getCause();
    }
    String text = String.valueOf(t.getMessage() != null ? t.getMessage() : e.getMessage());
    String file = null;
    var fm = FILE.matcher(text);
    if (fm.find()) {
      file = fm.group(1);
      text = text.substring(fm.end()).trim();
    }
    int line = 0;
    int column = 0;
    var cm = CELL.matcher(text);
    if (cm.find()) {
      line = Integer.parseInt(cm.group(2));
      for (char ch : cm.group(1).toCharArray()) {
        column = column * 26 + (ch - 'A' + 1);
      }
    }
    return new RuleError(file, line, column, text);
  }

  /** A file of a procedure's folder belongs to that procedure; any other rule file to all. */
  static boolean belongsTo(String path, String procedure) {
    int slash = path.indexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash);
    return folder.equals(procedure) || !PROCEDURES.contains(folder);
  }
}
