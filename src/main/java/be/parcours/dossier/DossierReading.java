package be.parcours.dossier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a dossier as the viewer may see it (logged as READ): everything with full access; for
 * reception the identity, contact details, status, referent and reception's own tasks (no facts,
 * verdict, documents, deadlines, parties or intervention notes).
 */
@Service
public class DossierReading {

  private final DossierAccess access;
  private final AccessLog accessLog;
  private final PartyRepository parties;
  private final StoredVerdictRepository verdicts;
  private final DocumentItemRepository documents;
  private final DeadlineRepository deadlines;
  private final InterventionRepository interventions;
  private final DossierTasks tasks;
  private final DocumentCatalogue catalogue;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final ObjectMapper mapper;
  private final Clock clock;

  DossierReading(DossierAccess access, AccessLog accessLog, PartyRepository parties, StoredVerdictRepository verdicts,
      DocumentItemRepository documents, DeadlineRepository deadlines, InterventionRepository interventions,
      DossierTasks tasks, DocumentCatalogue catalogue, org.springframework.jdbc.core.JdbcTemplate jdbc,
      ObjectMapper mapper, Clock clock) {
    this.access = access;
    this.accessLog = accessLog;
    this.parties = parties;
    this.verdicts = verdicts;
    this.documents = documents;
    this.deadlines = deadlines;
    this.interventions = interventions;
    this.tasks = tasks;
    this.catalogue = catalogue;
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Transactional
  public DossierView view(long id, Viewer viewer) {
    Dossier d = access.require(id, viewer, AccessLevel.RECEPTION);
    AccessLevel level = access.level(d, viewer);
    accessLog.record(id, viewer.user(), AccessAction.READ, level == AccessLevel.FULL ? null : level.name());
    boolean full = level == AccessLevel.FULL;
    LocalDate today = LocalDate.now(clock);
    Beneficiary b = d.getBeneficiary();
    var beneficiary = new BeneficiaryView(b.getFirstName(), b.getLastName(), b.getBirthDate(), b.getNationality(),
        b.getLanguages() == null || b.getLanguages().isBlank() ? List.of() : Arrays.asList(b.getLanguages().split(",")),
        b.getPhone(), b.getEmail());
    List<TaskView> openTasks = tasks.openTasks(d.getReference()).stream()
        .filter(t -> full || t.candidateGroups().contains(AccessPolicy.RECEPTION))
        .map(t -> new TaskView(t.id(), t.name(), t.candidateGroup(), t.assignee(), t.due()))
        .toList();
    List<InterventionView> interventionViews = interventions.findByDossierIdOrderByHappenedOnDescIdDesc(id).stream()
        .filter(i -> full || i.getType() == InterventionType.APPOINTMENT)
        .map(i -> new InterventionView(i.getId(), i.getType(), i.getHappenedOn(), i.getMinutes(),
            full ? i.getNote() : null, i.getCreatedBy()))
        .toList();
    if (!full) {
      return new DossierView(d.getId(), d.getReference(), d.getProcedure(), d.getStatus(), d.getOpenedOn(),
          d.getClosedOn(), null, d.getReferent(), null, beneficiary, null, null, null, null, null, openTasks,
          interventionViews, d.getReferent(), level, null);
    }
    var partyViews = parties.findByDossierIdOrderById(id).stream()
        .map(p -> new PartyView(p.getRole(), p.getFirstName(), p.getLastName(), p.getBirthDate(), p.getRelationship(),
            p.getNationality()))
        .toList();
    var eligibility = verdicts.findFirstByDossierIdOrderByEvaluatedAtDescIdDesc(id)
        .map(v -> new EligibilityView(v.getOutcome(), v.getRegime(), v.getRulesVersion(), v.getReferenceDate(),
            v.getEvaluatedAt(), readJson(v.getVerdictJson())))
        .orElse(null);
    Map<String, Integer> fileCounts = new java.util.HashMap<>();
    jdbc.query("select document_code, count(*) from dossier_file where dossier_id = ? group by document_code",
        rs -> {
          fileCounts.put(rs.getString(1), rs.getInt(2));
        }, id);
    var documentViews = documents.findByDossierIdOrderById(id).stream()
        .map(doc -> DossierDocuments.view(doc, today, catalogue, fileCounts.getOrDefault(doc.getCode(), 0)))
        .toList();
    var deadlineViews = deadlines.findByDossierIdOrderByDueOn(id).stream()
        .map(dl -> new DeadlineView(dl.getCode(), dl.getDueOn(), dl.getLegalBasis(), effective(dl, today)))
        .toList();
    return new DossierView(d.getId(), d.getReference(), d.getProcedure(), d.getStatus(), d.getOpenedOn(),
        d.getClosedOn(), d.getReferenceDate(), d.getReferent(), d.getProcessInstanceId(), beneficiary, partyViews,
        readJson(d.getFactsJson()), eligibility, documentViews, deadlineViews, openTasks, interventionViews,
        d.getReferent(), level, access.exceptionalAccesses(id));
  }

  /**
   * The whole dossier for an export (the GDPR subject access, a printable file...): full access
   * needed, logged as EXPORT with what the caller says it is for.
   */
  @Transactional
  public DossierView export(long id, Viewer viewer, String purpose) {
    access.require(id, viewer, AccessLevel.FULL);
    accessLog.record(id, viewer.user(), AccessAction.EXPORT, purpose);
    return view(id, viewer);
  }

  /** After a change: the dossier, or its card when the change took the viewer's access away (a handover). */
  @Transactional
  public DossierView viewAfterChange(long id, Viewer viewer) {
    Dossier d = access.require(id, viewer, AccessLevel.CARD);
    AccessLevel level = access.level(d, viewer);
    if (level == AccessLevel.CARD) {
      Beneficiary b = d.getBeneficiary();
      return new DossierView(d.getId(), d.getReference(), null, d.getStatus(), null, null, null, d.getReferent(),
          null, new BeneficiaryView(b.getFirstName(), b.getLastName(), null, null, null, null, null), null, null, null,
          null, null, null, null, d.getReferent(), level, null);
    }
    return view(id, viewer);
  }

  /** The dossier's history (who changed what, when), newest first; full access needed. */
  @Transactional(readOnly = true)
  public List<ChangeView> history(long id, Viewer viewer) {
    access.require(id, viewer, AccessLevel.FULL);
    return jdbc.query("select at, username, field, old_value, new_value from dossier_change where dossier_id = ? "
        + "order by at desc, id desc", (rs, i) -> new ChangeView(rs.getTimestamp(1).toInstant(), rs.getString(2),
            rs.getString(3), rs.getString(4), rs.getString(5)), id);
  }

  /** The access log: supervisors and the dossier's referent only. */
  @Transactional(readOnly = true)
  public List<AccessLogView> accessLog(long id, Viewer viewer) {
    Dossier d = access.require(id, viewer, AccessLevel.CARD);
    if (!access.policy().mayReadAccessLog(viewer, d.getReferent())) {
      throw new org.springframework.security.access.AccessDeniedException(
          "the access log is for supervisors and the dossier's referent");
    }
    return accessLog.of(id).stream().map(l -> new AccessLogView(l.at(), l.user(), l.action(), l.detail())).toList();
  }

  /** A pending deadline whose day has passed is shown as missed. */
  static DeadlineStatus effective(Deadline d, LocalDate today) {
    return d.getStatus() == DeadlineStatus.PENDING && d.getDueOn().isBefore(today) ? DeadlineStatus.MISSED
        : d.getStatus();
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
}
