package be.parcours.dossier;

import be.parcours.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations the procedures (BPMN delegates) and other modules use on dossiers: facts,
 * verdicts, documents checklist, deadlines, status, interventions from tasks, the Tasklist
 * context. The API use cases have one service each: {@link DossierOpening}, {@link DossierSearch},
 * {@link DossierReading}, {@link DossierCorrection}, {@link DossierDocuments}, {@link DossierFiles},
 * {@link DossierInterventions}, {@link DossierAccess}; {@link #open} delegates for existing callers.
 * No special-category data leaves here without a caller's access check, except to the engine.
 */
@Service
public class DossierService {

  private final DossierRepository dossiers;
  private final DocumentItemRepository documents;
  private final DeadlineRepository deadlines;
  private final StoredVerdictRepository verdicts;
  private final DossierOpening opening;
  private final DossierInterventions interventions;
  private final DossierAccess access;
  private final AccessLog accessLog;
  private final Clock clock;

  DossierService(DossierRepository dossiers, DocumentItemRepository documents, DeadlineRepository deadlines,
      StoredVerdictRepository verdicts, DossierOpening opening,
      DossierInterventions interventions,
      DossierAccess access, AccessLog accessLog, Clock clock) {
    this.dossiers = dossiers;
    this.documents = documents;
    this.deadlines = deadlines;
    this.verdicts = verdicts;
    this.opening = opening;
    this.interventions = interventions;
    this.access = access;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  /** Opens a dossier and starts its procedure (see {@link DossierOpening#open}). */
  public DossierCreated open(OpenDossierCommand cmd, String user) {
    return opening.open(cmd, user);
  }

  /**
   * Logs an intervention on a dossier (for its beneficiary), in the caller's transaction: a
   * completed Tasklist task, the demo data. The values are checked by the caller.
   */
  @Transactional
  public void logIntervention(long dossierId, InterventionType type, LocalDate date, Integer minutes, String note,
      String user) {
    interventions.save(dossierId, type, date, minutes, note, user);
  }

  /** The id of the dossier with this reference (a process's business key), if there is one. */
  @Transactional(readOnly = true)
  public Optional<Long> idOf(String reference) {
    return dossiers.findByReference(reference).map(Dossier::getId);
  }

  @Transactional(readOnly = true)
  public DossierFacts facts(long dossierId) {
    Dossier d = find(dossierId);
    return new DossierFacts(d.getId(), d.getReference(), d.getProcedure(), d.getReferenceDate(), d.getFactsJson(),
        d.getStatus());
  }

  /** What a caseworker needs to see beside a task: person, last verdict, missing documents, next deadline. */
  @Transactional(readOnly = true)
  public TaskContext taskContext(long dossierId) {
    return context(find(dossierId), AccessLevel.FULL);
  }

  /**
   * The same, as this viewer may see it (logged as a READ): reception gets the person and the next
   * deadline, never the verdict or the documents; a viewer with a card only gets 403.
   */
  @Transactional
  public TaskContext taskContext(long dossierId, Viewer viewer) {
    Dossier d = access.require(dossierId, viewer, AccessLevel.RECEPTION);
    AccessLevel level = access.level(d, viewer);
    accessLog.record(dossierId, viewer.user(), AccessAction.READ, "task context");
    return context(d, level);
  }

  private TaskContext context(Dossier d, AccessLevel level) {
    long dossierId = d.getId();
    String next = deadlines.findByDossierIdOrderByDueOn(dossierId).stream()
        .filter(dl -> dl.getStatus() == DeadlineStatus.PENDING).findFirst()
        .map(dl -> dl.getCode() + " : " + dl.getDueOn()).orElse("—");
    if (level != AccessLevel.FULL) {
      return new TaskContext(d.getReference(), d.getBeneficiary().fullName(), "—", "—", next);
    }
    String verdict = verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(dossierId)
        .map(v -> v.getOutcome() + (v.getRegime() == null ? "" : " (" + v.getRegime() + ")")).orElse("—");
    List<String> missing = missingDocuments(dossierId);
    return new TaskContext(d.getReference(), d.getBeneficiary().fullName(), verdict,
        missing.isEmpty() ? "—" : String.join(", ", missing), next);
  }

  /** Dossiers not closed, for the law-change impact and supervision. */
  @Transactional(readOnly = true)
  public List<DossierFacts> openDossiers() {
    return dossiers.findByStatusNot(DossierStatus.CLOSED).stream()
        .map(d -> new DossierFacts(d.getId(), d.getReference(), d.getProcedure(), d.getReferenceDate(),
            d.getFactsJson(), d.getStatus()))
        .toList();
  }

  /** Outcome of the last verdict stored on a dossier, or null. */
  @Transactional(readOnly = true)
  public String lastOutcome(long dossierId) {
    return verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(dossierId).map(StoredVerdict::getOutcome)
        .orElse(null);
  }

  @Transactional
  public void recordVerdict(long dossierId, RecordedVerdict v) {
    Dossier d = find(dossierId);
    verdicts.save(new StoredVerdict(d.getId(), clock.instant(), v.referenceDate(), v.regime(), v.outcome(),
        v.rulesVersion(), v.verdictJson()));
    for (String code : v.requiredDocuments()) {
      if (documents.findByDossierIdAndCode(dossierId, code).isEmpty()) {
        documents.save(new DocumentItem(dossierId, code));
      }
    }
    d.touch(clock.instant());
  }

  /** Codes of required documents not received or validated (missing, rejected or expired). */
  @Transactional(readOnly = true)
  public List<String> missingDocuments(long dossierId) {
    find(dossierId);
    LocalDate today = LocalDate.now(clock);
    return documents.findByDossierIdOrderById(dossierId).stream()
        .filter(doc -> {
          DocumentStatus s = doc.effectiveStatus(today);
          return s != DocumentStatus.RECEIVED && s != DocumentStatus.VALIDATED;
        })
        .map(DocumentItem::getCode)
        .toList();
  }

  /** Records a checklist document for a procedure step (no access check: the engine's own call). */
  @Transactional
  public void updateDocument(long dossierId, String code, DocumentStatus status, Boolean legalised,
      Boolean translated, LocalDate expiresOn, String note, String by) {
    find(dossierId);
    DocumentItem item = documents.findByDossierIdAndCode(dossierId, code)
        .orElseGet(() -> documents.save(new DocumentItem(dossierId, code)));
    item.update(status, legalised, translated, expiresOn, note, by, LocalDate.now(clock));
  }

  @Transactional
  public void upsertDeadline(long dossierId, String code, LocalDate dueOn, String legalBasis) {
    find(dossierId);
    Instant now = clock.instant();
    deadlines.findByDossierIdAndCode(dossierId, code).ifPresentOrElse(
        dl -> dl.reschedule(dueOn, legalBasis, now),
        () -> deadlines.save(new Deadline(dossierId, code, dueOn, legalBasis, now)));
  }

  @Transactional
  public void closeDeadline(long dossierId, String code, DeadlineStatus status) {
    deadlines.findByDossierIdAndCode(dossierId, code)
        .orElseThrow(() -> new NotFoundException("deadline " + code + " of dossier " + dossierId))
        .close(status, clock.instant());
  }

  /** Closes a deadline the dossier may not have (a clock its path never started): nothing when absent. */
  @Transactional
  public void closeDeadlineIfPresent(long dossierId, String code, DeadlineStatus status) {
    deadlines.findByDossierIdAndCode(dossierId, code).ifPresent(d -> d.close(status, clock.instant()));
  }

  @Transactional
  public void setStatus(long dossierId, DossierStatus status) {
    find(dossierId).changeStatus(status, LocalDate.now(clock), clock.instant());
  }

  /** Sets the dossier's referent (the caseworker in charge). */
  @Transactional
  public void assign(long dossierId, String user) {
    find(dossierId).assignTo(user, clock.instant());
  }

  /** Records an access done by another module (the decision, an export, the anonymisation) in the access log. */
  @Transactional
  public void logAccess(long dossierId, String user, AccessAction action, String detail) {
    accessLog.record(dossierId, user, action, detail);
  }

  private Dossier find(long id) {
    return dossiers.findById(id).orElseThrow(() -> new NotFoundException("no dossier " + id));
  }
}
