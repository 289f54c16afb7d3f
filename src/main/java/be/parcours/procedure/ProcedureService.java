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
  static final String VISA_COLLECTION = "VISA_D_COLLECTION";
  /** Sponsor's residence cards with the shorter decision clock: long-term resident (D, now L) and Blue Card (H). */
  static final java.util.Set<String> LONG_TERM_CARDS = java.util.Set.of("D", "L", "H");

  private final DossierService dossiers;
  private final ObjectProvider<EligibilityEvaluator> evaluator;
  private final LegalClock legalClock;
  private final ObjectMapper mapper;
  private final DecisionStore decisions;
  private final ProcedureOutcomes outcomes;
  private final ZoneId zone = TimeConfig.BRUSSELS;

  ProcedureService(DossierService dossiers, ObjectProvider<EligibilityEvaluator> evaluator, LegalClock legalClock,
      ObjectMapper mapper, DecisionStore decisions, ProcedureOutcomes outcomes) {
    this.decisions = decisions;
    this.outcomes = outcomes;
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
    return startDecisionClock(dossierId, filedOn, null);
  }

  /**
   * The decision clock from the filing date (annex 15quinquies, 15bis or 19ter): 6 months for family
   * of a Belgian/EU citizen, 4 when the sponsor holds a D/L or H card ({@code sponsorCard}), else 9.
   */
  @Transactional
  public Date startDecisionClock(long dossierId, Object filedOn, Object sponsorCard) {
    return decisionClock(dossierId, decisionCode(dossierId, sponsorCard), Dates.toLocalDate(filedOn), 0);
  }

  /** The authority asked for more: the clock is extended by 3 months, as often as the law allows. */
  @Transactional
  public Date extendDecisionClock(long dossierId, Object filedOn) {
    return extendDecisionClock(dossierId, filedOn, null);
  }

  @Transactional
  public Date extendDecisionClock(long dossierId, Object filedOn, Object sponsorCard) {
    LocalDate filed = Dates.toLocalDate(filedOn);
    String code = decisionCode(dossierId, sponsorCard);
    int requests = decisions.count(dossierId, DecisionOutcome.MORE_DOCUMENTS);
    int allowed = legalClock.maxExtensions(code, filed);
    return decisionClock(dossierId, code, filed, Math.min(requests, allowed));
  }

  private Date decisionClock(long dossierId, String code, LocalDate filedOn, int extensions) {
    var deadline = legalClock.deadline(code, filedOn, extensions, "FR_DECISION_EXTENSION");
    dossiers.upsertDeadline(dossierId, DECISION, deadline.dueOn(), deadline.legalBasis());
    dossiers.setStatus(dossierId, DossierStatus.SUBMITTED);
    return endOf(deadline.dueOn());
  }

  String decisionCode(long dossierId) {
    return decisionCode(dossierId, null);
  }

  String decisionCode(long dossierId, Object sponsorCard) {
    String kind = fact(dossierId, "/sponsor/kind");
    if ("BELGIAN".equals(kind) || "EU_CITIZEN".equals(kind)) {
      return "FR_DECISION_FAMILY_OF_BELGIAN_EU";
    }
    String card = sponsorCard == null ? null : sponsorCard.toString().strip().toUpperCase(java.util.Locale.ROOT);
    return card != null && LONG_TERM_CARDS.contains(card) ? "FR_DECISION_LONG_TERM" : "FR_DECISION_ART10";
  }

  /** @return true: the process keeps it ({@code decisionDeadlineMissed}) so a late decision leaves it MISSED */
  @Transactional
  public boolean decisionOverdue(long dossierId) {
    dossiers.closeDeadline(dossierId, DECISION, DeadlineStatus.MISSED);
    return true;
  }

  @Transactional
  public void decisionPositive(long dossierId) {
    decisionPositive(dossierId, null);
  }

  /** A positive decision; the decision deadline is MET unless it was already missed. */
  @Transactional
  public void decisionPositive(long dossierId, Object decisionDeadlineMissed) {
    if (!Boolean.TRUE.equals(decisionDeadlineMissed)) {
      dossiers.closeDeadlineIfPresent(dossierId, DECISION, DeadlineStatus.MET);
    }
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    outcomes.granted(dossierId);
  }

  @Transactional
  public Date startAppealClock(long dossierId, Object notifiedOn) {
    return startAppealClock(dossierId, notifiedOn, null);
  }

  /** A negative decision: 30 days to appeal to the CCE, from the day after notification. */
  @Transactional
  public Date startAppealClock(long dossierId, Object notifiedOn, Object decisionDeadlineMissed) {
    if (!Boolean.TRUE.equals(decisionDeadlineMissed)) {
      dossiers.closeDeadlineIfPresent(dossierId, DECISION, DeadlineStatus.MET);
    }
    var deadline = legalClock.deadline(APPEAL, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, APPEAL, deadline.dueOn(), deadline.legalBasis());
    dossiers.setStatus(dossierId, DossierStatus.DECIDED);
    outcomes.refused(dossierId, Dates.toLocalDate(notifiedOn));
    return endOf(deadline.dueOn());
  }

  @Transactional
  public void appealFiled(long dossierId) {
    dossiers.closeDeadline(dossierId, APPEAL, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.APPEAL);
    outcomes.appealed(dossierId);
  }

  @Transactional
  public void appealWindowMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, APPEAL, DeadlineStatus.MISSED);
  }

  /**
   * The refusal may be reviewed as a favour (lease not registered, insurance form, parental consent)
   * when the missing piece reaches the Immigration Office within 3 months of the refusal.
   */
  @Transactional
  public Date startFavourReview(long dossierId, Object notifiedOn) {
    dossiers.closeDeadlineIfPresent(dossierId, APPEAL, DeadlineStatus.MET);
    var deadline = legalClock.deadline(FAVOUR_REVIEW, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, FAVOUR_REVIEW, deadline.dueOn(), deadline.legalBasis());
    return endOf(deadline.dueOn());
  }

  /** The request for a favour review was sent in time: the Immigration Office decides again. */
  @Transactional
  public void favourReviewRequested(long dossierId) {
    dossiers.closeDeadline(dossierId, FAVOUR_REVIEW, DeadlineStatus.MET);
    dossiers.setStatus(dossierId, DossierStatus.SUBMITTED);
  }

  @Transactional
  public void favourReviewMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, FAVOUR_REVIEW, DeadlineStatus.MISSED);
  }

  /** A visa D granted: the passport must be collected at the post within 6 months of the notification. */
  @Transactional
  public Date startVisaCollectionClock(long dossierId, Object notifiedOn) {
    var deadline = legalClock.deadline(VISA_COLLECTION, Dates.toLocalDate(notifiedOn));
    dossiers.upsertDeadline(dossierId, VISA_COLLECTION, deadline.dueOn(), deadline.legalBasis());
    return endOf(deadline.dueOn());
  }

  @Transactional
  public void visaCollected(long dossierId) {
    dossiers.closeDeadline(dossierId, VISA_COLLECTION, DeadlineStatus.MET);
  }

  @Transactional
  public void visaCollectionMissed(long dossierId) {
    dossiers.closeDeadline(dossierId, VISA_COLLECTION, DeadlineStatus.MISSED);
  }

  @Transactional
  public void close(long dossierId) {
    dossiers.setStatus(dossierId, DossierStatus.CLOSED);
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
