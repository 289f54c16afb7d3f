package be.parcours.dossier;

import be.parcours.eligibility.EligibilityEvaluator;
import be.parcours.eligibility.OpenVerdicts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open dossiers judged again when the law in force changes (a version activated on the
 * workbench, at once or at 00:00 Brussels on its date): a dossier whose verdict the new rules
 * change gets the new verdict stored, a line in its history ("Éligibilité", before → after) and in
 * its access log, by {@code system}, each dossier in its own transaction. A verdict the new rules
 * leave as it was (same outcome, same findings and amounts) is kept with the version that gave it.
 */
@Component
class DossierVerdictsAfterLawChange implements OpenVerdicts {

  private static final Logger log = LoggerFactory.getLogger(DossierVerdictsAfterLawChange.class);

  private final DossierService dossiers;
  private final StoredVerdictRepository verdicts;
  private final ObjectProvider<EligibilityEvaluator> evaluator;
  private final JdbcTemplate jdbc;
  private final AccessLog accessLog;
  private final TransactionTemplate transaction;
  private final ObjectMapper mapper;
  private final Clock clock;

  DossierVerdictsAfterLawChange(DossierService dossiers, StoredVerdictRepository verdicts,
      ObjectProvider<EligibilityEvaluator> evaluator, JdbcTemplate jdbc, AccessLog accessLog,
      TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
    this.dossiers = dossiers;
    this.verdicts = verdicts;
    this.evaluator = evaluator;
    this.jdbc = jdbc;
    this.accessLog = accessLog;
    this.transaction = transaction;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public int judgeAgain(String version, String reason) {
    EligibilityEvaluator rules = evaluator.getIfAvailable();
    if (rules == null) {
      return 0;
    }
    int changed = 0;
    for (DossierFacts d : dossiers.openDossiers()) {
      if (d.factsJson() == null || d.referenceDate() == null) {
        continue;
      }
      try {
        var v = rules.evaluate(d.procedure().code(), d.factsJson(), d.referenceDate());
        var last = verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(d.dossierId()).orElse(null);
        if (last != null && Objects.equals(last.getOutcome(), v.outcome())
            && Objects.equals(withoutVersion(last.getVerdictJson()), withoutVersion(v.verdictJson()))) {
          continue;
        }
        transaction.executeWithoutResult(tx -> {
          dossiers.recordVerdict(d.dossierId(), new RecordedVerdict(d.referenceDate(), v.regime(), v.outcome(),
              v.rulesVersion(), v.verdictJson(), v.requiredDocuments()));
          jdbc.update("insert into dossier_change (dossier_id, at, username, field, old_value, new_value) "
              + "values (?, ?, ?, ?, ?, ?)", d.dossierId(), Timestamp.from(clock.instant()), "system", "eligibility",
              last == null ? null : last.getOutcome(), v.outcome());
          accessLog.record(d.dossierId(), "system", AccessAction.CHANGE, "eligibility (" + reason + ")");
        });
        changed++;
      } catch (RuntimeException e) {
        log.warn("Dossier {} not judged again after the activation of {}: {}", d.reference(), version, e.toString());
      }
    }
    log.info("Rules {} in force: {} open dossier(s) got a new verdict ({})", version, changed, reason);
    return changed;
  }

  /** The verdict as JSON without the version that produced it: what the reader of the dossier sees. */
  private JsonNode withoutVersion(String json) {
    if (json == null) {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(json);
      if (node instanceof ObjectNode o) {
        o.remove("rulesVersion");
      }
      return node;
    } catch (java.io.IOException e) {
      return null;
    }
  }
}
