package be.parcours.procedure;

import be.parcours.clock.LegalClock;
import be.parcours.dossier.DeadlineStatus;
import be.parcours.dossier.DossierFacts;
import be.parcours.dossier.DossierService;
import be.parcours.dossier.DossierStatus;
import be.parcours.dossier.RecordedVerdict;
import be.parcours.eligibility.EligibilityEvaluator;
import be.parcours.shared.TimeConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the BPMN procedures do outside the engine, called from their expressions
 * ({@code ${procedureService.startDecisionClock(dossierId, filedOn)}}): each method reads the
 * dossier by id, calls the domain, and returns a primitive or a date for the process.
 */
@Service("procedureService")
public class ProcedureService {

  static final String DECISION = "DECISION";
  static final String APPEAL = "APPEAL_CCE";
  static final String FAVOUR_REVIEW = "FAVOUR_REVIEW";

  private final DossierService dossiers;
  private final ObjectProvider<EligibilityEvaluator> evaluator;
  private final LegalClock legalClock;
  private final ObjectMapper mapper;
  private final DecisionStore decisions;
  private final ZoneId zone = TimeConfig.BRUSSELS;

  ProcedureService(DossierService dossiers, ObjectProvider<EligibilityEvaluator> evaluator, LegalClock legalClock,
      ObjectMapper mapper, DecisionStore decisions) {
    this.decisions = decisions;
    this.dossiers = dossiers;
    this.evaluator = evaluator;
    this.legalClock = legalClock;
    this.mapper = mapper;
  }

  /** Evaluates the dossier's facts with the rules in force on its reference date; stores the verdict. */
  @Transactional
  public String evaluateEligibility(long dossierId) {
    DossierFacts facts = dossiers.facts(dossierId);
    EligibilityEvaluator rules = evaluator.getIfAvailable();
    if (rules == null) {
      // becomes a retried job, then an incident in Cockpit: never a guessed verdict
      throw new IllegalStateException("no eligibility rules are loaded");
    }
    var verdict = rules.evaluate(facts.procedure().code(), facts.factsJson(), facts.referenceDate());
    dossiers.recordVerdict(dossierId, new RecordedVerdict(facts.referenceDate(), verdict.regime(), verdict.outcome(),
        verdict.rulesVersion(), verdict.verdictJson(), verdict.requiredDocuments()));
    dossiers.setStatus(dossierId, DossierStatus.IN_PROGRESS);
    return verdict.outcome();
  }

  public boolean documentsComplete(long dossierId) {
    return dossiers.missingDocuments(dossierId).isEmpty();
  }

  /** ABROAD (visa D at the embassy) unless the facts say the applicant is in Belgium. */
  public boolean applicantAbroad(long dossierId) {
    return !"IN_BELGIUM".equals(fact(dossierId, "/applicant/location"));
  }

  /** The decision clock from the filing date: 6 months for family of a Belgian/EU citizen, else 9. */
  @Transactional
  public Date startDecisionClock(long dossierId, Object filedOn) {
    return decisionClock(dossierId, Dates.toLocalDate(filedOn), 0);
  }

  /** The authority asked for more: the clock is extended by 3 months, as often as the law allows. */
  @Transactional
  public Date extendDecisionClock(long dossierId, Object filedOn) {
    LocalDate filed = Dates.toLocalDate(filedOn);
    int requests = decisions.count(dossierId, DecisionOutcome.MORE_DOCUMENTS);
    int allowed = legalClock.maxExtensions(decisionCode(dossierId), filed);
    return decisionClock(dossierId, filed, Math.min(requests, allowed));
  }

  private Date decisionClock(long dossierId, LocalDate filedOn, int extensions) {
    String code = decisionCode(dossierId);
    var deadline = legalClock.deadline(code, filedOn, extensions, "FR_DECISION_EXTENSION");
    dossiers.upsertDeadline(dossierId, DECISION, deadline.dueOn(), deadline.legalBasis());
    dossiers.setStatus(dossierId, DossierStatus.SUBMITTED);
    return endOf(deadline.dueOn());
  }

  String decisionCode(long dossierId) {
    String kind = fact(dossierId, "/sponsor/kind");
    return "BELGIAN".equals(kind) || "EU_CITIZEN".equals(kind) ? "FR_DECISION_FAMILY_OF_BELGIAN_EU"
        : "FR_DECISION_ART10";
  }

  @Transactional
  public void decisionOverdue(long dossierId) {
    dossiers.closeDeadline(dossierId, DECISION, DeadlineStatus.MISSED);
  }

  @Transactional
  public void decisionPositive(long dossierId) {
    closeIfPending(dossierId, DECISION, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
  }

  /** A negative decision: 30 days to appeal to the CCE, from the day after notification. */
  @Transactional
  public Date startAppealClock(long dossierId, Object notifiedOn) {
    closeIfPending(dossierId, DECISION, DeadlineStatus.MET);
    var deadline = legalClock.deadline(APPEAL, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, APPEAL, deadline.dueOn(), deadline.legalBasis());
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    return endOf(deadline.dueOn());
  }

  @Transactional
  public void appealFiled(long dossierId) {
    dossiers.closeDeadline(dossierId, APPEAL, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.APPEAL);
  }

  @Transactional
  public void appealWindowMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, APPEAL, DeadlineStatus.MISSED);
  }

  @Transactional
  public void startFavourReview(long dossierId, Object notifiedOn) {
    dossiers.closeDeadline(dossierId, APPEAL, DeadlineStatus.MET);
    var deadline = legalClock.deadline(FAVOUR_REVIEW, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, FAVOUR_REVIEW, deadline.dueOn(), deadline.legalBasis());
  }

  @Transactional
  public void close(long dossierId) {
    dossiers.setStatus(dossierId, DossierStatus.CLOSED);
  }

  private void closeIfPending(long dossierId, String code, DeadlineStatus status) {
    try {
      dossiers.closeDeadline(dossierId, code, status);
    } catch (be.parcours.shared.NotFoundException e) {
      // no such deadline on this dossier: nothing to close
    }
  }

  /** A legal deadline ends with its day: the timer fires at midnight after the last day. */
  private Date endOf(LocalDate day) {
    return Date.from(day.plusDays(1).atStartOfDay(zone).toInstant());
  }

  private String fact(long dossierId, String pointer) {
    try {
      JsonNode facts = mapper.readTree(dossiers.facts(dossierId).factsJson());
      JsonNode node = facts.at(pointer);
      return node.isMissingNode() || node.isNull() ? null : node.asText();
    } catch (Exception e) {
      throw new IllegalStateException("facts of dossier " + dossierId + " are not readable", e);
    }
  }
}
