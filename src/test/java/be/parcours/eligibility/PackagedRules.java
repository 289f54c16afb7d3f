package be.parcours.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import be.parcours.eligibility.RuleSetCompiler.CompiledRuleSet;
import java.nio.file.Path;
import java.time.Instant;

/** The repository's rules/ compiled once per test JVM, as legal staff would load them, without Spring. */
final class PackagedRules {

  static final Instant LOADED_AT = Instant.parse("2026-11-22T10:00:00Z");
  private static RuleFiles files;
  private static CompiledRuleSet rules;

  private PackagedRules() {}

  static synchronized RuleFiles files() {
    if (files == null) {
      files = RuleFiles.fromDirectory(Path.of("rules"));
    }
    return files;
  }

  static synchronized CompiledRuleSet rules() {
    if (rules == null) {
      var result = RuleSetCompiler.compile(files(), "test", LOADED_AT);
      assertThat(result.errors()).isEmpty();
      rules = result.ruleSet();
    }
    return rules;
  }
}
