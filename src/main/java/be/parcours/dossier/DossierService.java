package be.parcours.dossier;

import be.parcours.eligibility.FamilyReunificationFacts;
import be.parcours.shared.NotFoundException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dossiers: opening (with the start of its procedure, in one transaction), reading, searching,
 * interventions, and the operations the procedures use (verdicts, documents, deadlines, status).
 */
@Service
public class DossierService {

  private final DossierRepository dossiers;
  private final BeneficiaryRepository beneficiaries;
  private final PartyRepository parties;
  private final DocumentItemRepository documents;
  private final InterventionRepository interventions;
  private final DeadlineRepository deadlines;
  private final StoredVerdictRepository verdicts;
  private final AccessLogRepository accessLog;
  private final ProcessLauncher processLauncher;
  private final DossierIds ids;
  private final EntityManager entityManager;
  private final TaskService taskService;
  private final ObjectMapper mapper;
  private final Clock clock;

  DossierService(DossierRepository dossiers, BeneficiaryRepository beneficiaries, PartyRepository parties,
      DocumentItemRepository documents, InterventionRepository interventions, DeadlineRepository deadlines,
      StoredVerdictRepository verdicts, AccessLogRepository accessLog, ProcessLauncher processLauncher,
      DossierIds ids, EntityManager entityManager, TaskService taskService, ObjectMapper mapper, Clock clock) {
    this.ids = ids;
    this.entityManager = entityManager;
    this.dossiers = dossiers;
    this.beneficiaries = beneficiaries;
    this.parties = parties;
    this.documents = documents;
    this.interventions = interventions;
    this.deadlines = deadlines;
    this.verdicts = verdicts;
    this.accessLog = accessLog;
    this.processLauncher = processLauncher;
    this.taskService = taskService;
    this.mapper = mapper;
    this.clock = clock;
  }

  // ---- API use cases ---------------------------------------------------------------------------

  /** Opens a dossier and starts its procedure; both commit or roll back together. */
  @Transactional
  public DossierCreated open(OpenDossierCommand cmd, String user) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.now(clock);
    BeneficiaryInput b = cmd.beneficiary();
    Beneficiary beneficiary = beneficiaries.save(new Beneficiary(b.firstName().strip(), b.lastName().strip(),
        b.birthDate(), upper(b.nationality()), b.languages() == null ? null : String.join(",", b.languages()),
        b.phone(), b.email(), now));
    LocalDate referenceDate = cmd.referenceDate() != null ? cmd.referenceDate() : today;
    Dossier dossier = new Dossier(ids.next(), cmd.procedure(), beneficiary, today, referenceDate, cmd.factsJson(),
        user, now);
    entityManager.persist(dossier);
    addParties(dossier.getId(), cmd);
    processLauncher.start(dossier, cmd.facts()).ifPresent(dossier::attachProcess);
    dossiers.flush();
    accessLog.save(new AccessLogEntry(dossier.getId(), user, "CREATE", now));
    return new DossierCreated(dossier.getId(), dossier.getReference(), dossier.getProcedure(), dossier.getStatus(),
        dossier.getProcessInstanceId());
  }

  private void addParties(Long dossierId, OpenDossierCommand cmd) {
    if (cmd.facts() instanceof FamilyReunificationFacts fr) {
      parties.save(new Party(dossierId, PartyRole.SPONSOR, null, null, null, fr.sponsor().kind().name(), null));
      parties.save(new Party(dossierId, PartyRole.APPLICANT, null, null, fr.applicant().birthDate(),
          fr.applicant().relationship().name(), null));
    }
    if (cmd.familyMembers() != null) {
      for (FamilyMemberInput m : cmd.familyMembers()) {
        parties.save(new Party(dossierId, PartyRole.FAMILY_MEMBER, m.firstName(), m.lastName(), m.birthDate(),
            m.relationship(), upper(m.nationality())));
      }
    }
  }

  @Transactional
  public DossierView view(long id, String user) {
    Dossier d = find(id);
    accessLog.save(new AccessLogEntry(id, user, "READ", clock.instant()));
    LocalDate today = LocalDate.now(clock);
    Beneficiary b = d.getBeneficiary();
    var beneficiary = new BeneficiaryView(b.getFirstName(), b.getLastName(), b.getBirthDate(), b.getNationality(),
        b.getLanguages() == null || b.getLanguages().isBlank() ? List.of() : Arrays.asList(b.getLanguages().split(",")),
        b.getPhone(), b.getEmail());
    var partyViews = parties.findByDossierIdOrderById(id).stream()
        .map(p -> new PartyView(p.getRole(), p.getFirstName(), p.getLastName(), p.getBirthDate(), p.getRelationship(),
            p.getNationality()))
        .toList();
    var eligibility = verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(id)
        .map(v -> new EligibilityView(v.getOutcome(), v.getRegime(), v.getRulesVersion(), v.getReferenceDate(),
            v.getEvaluatedAt(), readJson(v.getVerdictJson())))
        .orElse(null);
    var documentViews = documents.findByDossierIdOrderById(id).stream()
        .map(doc -> new DocumentView(doc.getCode(), doc.effectiveStatus(today), doc.isLegalised(), doc.isTranslated(),
            doc.getReceivedOn(), doc.getValidatedOn(), doc.getExpiresOn(), doc.getCheckedBy(), doc.getNote()))
        .toList();
    var deadlineViews = deadlines.findByDossierIdOrderByDueOn(id).stream()
        .map(dl -> new DeadlineView(dl.getCode(), dl.getDueOn(), dl.getLegalBasis(), effective(dl, today)))
        .toList();
    var interventionViews = interventions.findByDossierIdOrderByHappenedOnDescIdDesc(id).stream()
        .map(i -> new InterventionView(i.getId(), i.getType(), i.getHappenedOn(), i.getMinutes(), i.getNote(),
            i.getCreatedBy()))
        .toList();
    return new DossierView(d.getId(), d.getReference(), d.getProcedure(), d.getStatus(), d.getOpenedOn(),
        d.getClosedOn(), d.getReferenceDate(), d.getAssignedTo(), d.getProcessInstanceId(), beneficiary, partyViews,
        readJson(d.getFactsJson()), eligibility, documentViews, deadlineViews, openTasks(d.getReference()),
        interventionViews);
  }

  /** A pending deadline whose day has passed is shown as missed. */
  private static DeadlineStatus effective(Deadline d, LocalDate today) {
    return d.getStatus() == DeadlineStatus.PENDING && d.getDueOn().isBefore(today) ? DeadlineStatus.MISSED
        : d.getStatus();
  }

  private List<TaskView> openTasks(String reference) {
    List<TaskView> result = new ArrayList<>();
    for (var task : taskService.createTaskQuery().processInstanceBusinessKey(reference)
        .orderByTaskCreateTime().asc().list()) {
      String group = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(l -> l.getGroupId()).findFirst().orElse(null);
      result.add(new TaskView(task.getId(), task.getName(), group, task.getAssignee(),
          task.getDueDate() == null ? null : task.getDueDate().toInstant()));
    }
    return result;
  }

  @Transactional(readOnly = true)
  public PageView<DossierSummary> search(String q, Procedure procedure, DossierStatus status, int page, int size) {
    String pattern = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase(Locale.ROOT) + "%";
    var result = dossiers.search(pattern, procedure, status,
        PageRequest.of(page, size, Sort.by(Sort.Order.desc("openedOn"), Sort.Order.desc("id"))));
    var content = result.getContent().stream()
        .map(d -> new DossierSummary(d.getId(), d.getReference(), d.getProcedure(), d.getStatus(),
            d.getBeneficiary().getFirstName() + " " + d.getBeneficiary().getLastName(), d.getOpenedOn(),
            d.getAssignedTo()))
        .toList();
    return new PageView<>(content, page, size, result.getTotalElements(), result.getTotalPages());
  }

  @Transactional
  public InterventionView addIntervention(long dossierId, InterventionRequest request, String user) {
    Intervention saved = saveIntervention(dossierId, request.type(), request.date(), request.minutes(),
        request.note(), user);
    return new InterventionView(saved.getId(), saved.getType(), saved.getHappenedOn(), saved.getMinutes(),
        saved.getNote(), saved.getCreatedBy());
  }

  /**
   * Logs an intervention on a dossier (for its beneficiary), in the caller's transaction: the API,
   * a completed Tasklist task, the demo data. The values are checked by the caller.
   */
  @Transactional
  public void logIntervention(long dossierId, InterventionType type, LocalDate date, Integer minutes, String note,
      String user) {
    saveIntervention(dossierId, type, date, minutes, note, user);
  }

  private Intervention saveIntervention(long dossierId, InterventionType type, LocalDate date, Integer minutes,
      String note, String user) {
    Dossier d = find(dossierId);
    Instant now = clock.instant();
    Intervention saved = interventions.save(new Intervention(d.getId(), d.getBeneficiary().getId(), type, date,
        minutes, note, user, now));
    d.touch(now);
    accessLog.save(new AccessLogEntry(dossierId, user, "INTERVENTION", now));
    return saved;
  }

  /** The id of the dossier with this reference (a process's business key), if there is one. */
  @Transactional(readOnly = true)
  public java.util.Optional<Long> idOf(String reference) {
    return dossiers.findByReference(reference).map(Dossier::getId);
  }

  @Transactional
  public DocumentView updateDocument(long dossierId, String code, DocumentUpdateRequest request, String user) {
    updateDocument(dossierId, code, request.status(), request.legalised(), request.translated(), request.expiresOn(),
        request.note(), user);
    accessLog.save(new AccessLogEntry(dossierId, user, "DOCUMENT", clock.instant()));
    DocumentItem doc = documents.findByDossierIdAndCode(dossierId, code).orElseThrow();
    return new DocumentView(doc.getCode(), doc.effectiveStatus(LocalDate.now(clock)), doc.isLegalised(),
        doc.isTranslated(), doc.getReceivedOn(), doc.getValidatedOn(), doc.getExpiresOn(), doc.getCheckedBy(),
        doc.getNote());
  }

  // ---- operations used by the procedures (BPMN delegates) and other modules ---------------------

  @Transactional(readOnly = true)
  public DossierFacts facts(long dossierId) {
    Dossier d = find(dossierId);
    return new DossierFacts(d.getId(), d.getReference(), d.getProcedure(), d.getReferenceDate(), d.getFactsJson(),
        d.getStatus());
  }

  /** What a caseworker needs to see beside a task: person, last verdict, missing documents, next deadline. */
  @Transactional(readOnly = true)
  public TaskContext taskContext(long dossierId) {
    Dossier d = find(dossierId);
    LocalDate today = LocalDate.now(clock);
    String verdict = verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(dossierId)
        .map(v -> v.getOutcome() + (v.getRegime() == null ? "" : " (" + v.getRegime() + ")")).orElse("—");
    String next = deadlines.findByDossierIdOrderByDueOn(dossierId).stream()
        .filter(dl -> dl.getStatus() == DeadlineStatus.PENDING).findFirst()
        .map(dl -> dl.getCode() + " : " + dl.getDueOn()).orElse("—");
    List<String> missing = missingDocuments(dossierId);
    return new TaskContext(d.getReference(), d.getBeneficiary().getFirstName() + " " + d.getBeneficiary().getLastName(),
        verdict, missing.isEmpty() ? "—" : String.join(", ", missing), next);
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

  @Transactional
  public void assign(long dossierId, String user) {
    find(dossierId).assignTo(user, clock.instant());
  }

  private Dossier find(long id) {
    return dossiers.findById(id).orElseThrow(() -> new NotFoundException("no dossier " + id));
  }

  private JsonNode readJson(String json) {
    if (json == null) {
      return null;
    }
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not readable", e);
    }
  }

  private static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }
}
