package be.parcours.procedure;

import be.parcours.shared.ProcessVariables;
import be.parcours.clock.LegalClock;
import be.parcours.dossier.AccessAction;
import be.parcours.dossier.DossierFacts;
import be.parcours.dossier.DossierService;
import be.parcours.shared.BusinessRuleException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records an authority's decision and moves the dossier's procedure on, in one transaction, whether
 * it comes from the API / the dossier page ({@link #record(long, Decision, String)}: the waiting
 * procedure is sent the {@value #MESSAGE} message) or from the Tasklist task "Enregistrer la
 * décision" ({@link #recordFromTask}: the task's completion moves the procedure). Whichever comes
 * first wins: the same decision recorded again (same outcome, same notification day) changes
 * nothing and says so ({@code advanced = false}); the task is gone once the API recorded it.
 *
 * <p>A registered letter is deemed notified the third working day after posting (art. 39/57 §2,
 * the period is data in {@code rules/clocks/legal-deadlines.csv}); the appeal clock counts from the
 * day after that. Implausible dates are refused with a French message (422).
 */
@Service("authorityDecisions")
public class DecisionService {

  static final String MESSAGE = "DecisionReceived";
  private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  /** A decision as a caseworker reads it from the authority's letter. */
  public record Decision(DecisionOutcome outcome, NotificationMethod notificationMethod, LocalDate notifiedOn,
      LocalDate postedOn) {

    public Decision(DecisionOutcome outcome, LocalDate notifiedOn) {
      this(outcome, null, notifiedOn, null);
    }
  }

  /**
   * What was recorded: {@code notifiedOn} is the day the appeal period counts from (deemed for a
   * registered letter); {@code advanced} is false when that decision had already been recorded.
   */
  public record RecordedDecision(long dossierId, DecisionOutcome outcome, NotificationMethod notificationMethod,
      LocalDate notifiedOn, LocalDate postedOn, boolean advanced) {}

  private final DossierService dossiers;
  private final DecisionStore store;
  private final RuntimeService runtimeService;
  private final LegalClock legalClock;
  private final Clock clock;

  DecisionService(DossierService dossiers, DecisionStore store, RuntimeService runtimeService, LegalClock legalClock,
      Clock clock) {
    this.dossiers = dossiers;
    this.store = store;
    this.runtimeService = runtimeService;
    this.legalClock = legalClock;
    this.clock = clock;
  }

  /** @return true when the procedure advanced, false when this decision was already recorded */
  @Transactional
  public boolean record(long dossierId, DecisionOutcome outcome, LocalDate notifiedOn, String user) {
    return record(dossierId, new Decision(outcome, notifiedOn), user).advanced();
  }

  /** The API's and the dossier page's way: the waiting procedure receives the decision. */
  @Transactional
  public RecordedDecision record(long dossierId, Decision decision, String user) {
    DossierFacts dossier = dossiers.facts(dossierId);
    RecordedDecision resolved = resolve(dossierId, decision, filedOn(dossier.reference()));
    if (store.exists(dossierId, resolved.outcome(), resolved.notifiedOn())) {
      return withAdvanced(resolved, false);
    }
    store.insert(dossierId, resolved, user, "API", clock.instant());
    dossiers.logAccess(dossierId, user, AccessAction.DECISION,
        resolved.outcome() + ", notified on " + resolved.notifiedOn());
    try {
      runtimeService.createMessageCorrelation(MESSAGE)
          .processInstanceBusinessKey(dossier.reference())
          .setVariables(variables(resolved))
          .correlateWithResult();
    } catch (MismatchingMessageCorrelationException e) {
      throw new BusinessRuleException("outcome", "Le dossier " + dossier.reference()
          + " n'attend pas de décision d'une autorité à son étape actuelle.");
    }
    return resolved;
  }

  /**
   * The Tasklist task's way: called when the task "Enregistrer la décision" is completed, with what
   * its form holds. The completion itself moves the procedure; the variables returned (outcome and
   * the day the appeal period counts from) are set on the procedure.
   */
  @Transactional
  public Map<String, Object> recordFromTask(long dossierId, Map<String, Object> form, Object filedOn, String user) {
    Decision decision = new Decision(
        enumValue(DecisionOutcome.class, form.get(ProcessVariables.DECISION_OUTCOME), "decisionOutcome", "la décision"),
        enumValue(NotificationMethod.class, form.get(ProcessVariables.NOTIFICATION_METHOD), "notificationMethod",
            "le mode de notification"),
        date(form.get(ProcessVariables.DECISION_NOTIFIED_ON)), date(form.get(ProcessVariables.DECISION_POSTED_ON)));
    RecordedDecision resolved = resolve(dossierId, decision, filedOn == null ? null : Dates.toLocalDate(filedOn));
    if (!store.exists(dossierId, resolved.outcome(), resolved.notifiedOn())) {
      store.insert(dossierId, resolved, user, "TASK", clock.instant());
      dossiers.logAccess(dossierId, user, AccessAction.DECISION,
          resolved.outcome() + ", notified on " + resolved.notifiedOn() + " (Tasklist)");
    }
    return variables(resolved);
  }

  private static Map<String, Object> variables(RecordedDecision d) {
    return Map.of(ProcessVariables.DECISION_OUTCOME, d.outcome().name(),
        ProcessVariables.DECISION_NOTIFIED_ON, d.notifiedOn().toString(),
        ProcessVariables.NOTIFICATION_METHOD, d.notificationMethod().name());
  }

  /** The notification day the law counts from, after the checks of plausibility. */
  RecordedDecision resolve(long dossierId, Decision d, LocalDate filedOn) {
    if (d.outcome() == null) {
      throw new BusinessRuleException("outcome", "Indiquez la décision (positive, négative ou documents demandés).");
    }
    LocalDate today = LocalDate.now(clock);
    NotificationMethod method = d.notificationMethod() == null ? NotificationMethod.HAND : d.notificationMethod();
    LocalDate notifiedOn;
    LocalDate postedOn = null;
    if (method == NotificationMethod.REGISTERED_LETTER) {
      if (d.postedOn() == null) {
        throw new BusinessRuleException("postedOn",
            "Pour une lettre recommandée, indiquez la date de dépôt à la poste : la notification est réputée faite "
                + "le troisième jour ouvrable qui suit.");
      }
      postedOn = d.postedOn();
      if (postedOn.isAfter(today)) {
        throw new BusinessRuleException("postedOn", "La date de dépôt à la poste (" + FR.format(postedOn)
            + ") est dans le futur.");
      }
      notifiedOn = legalClock.registeredLetterNotification(postedOn).dueOn();
      if (d.notifiedOn() != null && d.notifiedOn().isBefore(postedOn)) {
        throw new BusinessRuleException("notifiedOn", "La date de notification (" + FR.format(d.notifiedOn())
            + ") précède le dépôt du recommandé à la poste (" + FR.format(postedOn) + ").");
      }
    } else {
      if (d.notifiedOn() == null) {
        throw new BusinessRuleException("notifiedOn", "Indiquez la date de notification de la décision.");
      }
      notifiedOn = d.notifiedOn();
      if (notifiedOn.isAfter(today)) {
        throw new BusinessRuleException("notifiedOn", "La date de notification (" + FR.format(notifiedOn)
            + ") est dans le futur.");
      }
    }
    LocalDate sent = postedOn != null ? postedOn : notifiedOn;
    if (filedOn != null && sent.isBefore(filedOn)) {
      throw new BusinessRuleException(postedOn != null ? "postedOn" : "notifiedOn", "La décision ("
          + FR.format(sent) + ") ne peut pas précéder l'introduction de la demande (" + FR.format(filedOn) + ").");
    }
    return new RecordedDecision(dossierId, d.outcome(), method, notifiedOn, postedOn, true);
  }

  /** The filing day of the waiting procedure (annex, declaration), when it has one. */
  private LocalDate filedOn(String reference) {
    for (var instance : runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
      for (String name : new String[] {ProcessVariables.FILED_ON, ProcessVariables.DECLARED_ON}) {
        Object value = runtimeService.getVariable(instance.getId(), name);
        if (value != null) {
          return Dates.toLocalDate(value);
        }
      }
    }
    return null;
  }

  private static RecordedDecision withAdvanced(RecordedDecision d, boolean advanced) {
    return new RecordedDecision(d.dossierId(), d.outcome(), d.notificationMethod(), d.notifiedOn(), d.postedOn(),
        advanced);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, Object value, String field, String what) {
    if (value == null || value.toString().isBlank()) {
      if (type == NotificationMethod.class) {
        return null;
      }
      throw new BusinessRuleException(field, "Indiquez " + what + ".");
    }
    try {
      return Enum.valueOf(type, value.toString());
    } catch (IllegalArgumentException e) {
      throw new BusinessRuleException(field, "Valeur inconnue pour " + what + " : " + value);
    }
  }

  private static LocalDate date(Object value) {
    return value == null || Objects.toString(value).isBlank() ? null : Dates.toLocalDate(value);
  }
}
