package be.parcours.eligibility;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** Compiles a rule set with Drools' classic build, reporting errors by file, line and column. */
final class RuleSetCompiler {

  /** A compilation error in legal staff's terms. */
  record RuleError(String file, int line, int column, String message) {}

  /** A compiled, immutable rule set: evaluations keep the one they started with. */
  record CompiledRuleSet(String version, Instant loadedAt, String loadedBy, List<String> files, KieBase kieBase) {}

  record Result(CompiledRuleSet ruleSet, List<RuleError> errors) {
    boolean ok() {
      return errors.isEmpty();
    }
  }

  private static final AtomicLong BUILDS = new AtomicLong();

  private RuleSetCompiler() {}

  static Result compile(RuleFiles files, String loadedBy, Instant now) {
    KieServices ks = KieServices.Factory.get();
    ReleaseId releaseId = ks.newReleaseId("be.parcours", "rules", "1.0." + BUILDS.incrementAndGet());
    KieFileSystem kfs = ks.newKieFileSystem();
    kfs.generateAndWritePomXML(releaseId);
    List<String> ruleFiles = new ArrayList<>();
    files.files().forEach((path, content) -> {
      if (files.isRuleFile(path)) {
        kfs.write("src/main/resources/rules/" + path, content);
        ruleFiles.add(path);
      }
    });
    KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
    List<RuleError> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
        .map(m -> new RuleError(m.getPath() == null ? null : m.getPath().replaceFirst("^(src/main/resources/)?rules/", ""),
            m.getLine(), m.getColumn(), m.getText()))
        .toList();
    if (!errors.isEmpty()) {
      ks.getRepository().removeKieModule(releaseId);
      return new Result(null, errors);
    }
    KieBase kieBase = ks.newKieContainer(releaseId).getKieBase();
    String version = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "#" + files.contentHash();
    return new Result(new CompiledRuleSet(version, now, loadedBy, List.copyOf(files.files().keySet()), kieBase),
        List.of());
  }
}
