package be.parcours.privacy;

import be.parcours.dossier.AccessPolicy;
import be.parcours.dossier.DossierFiles;
import be.parcours.dossier.DossierReading;
import be.parcours.dossier.DossierView;
import be.parcours.dossier.Viewer;
import be.parcours.privacy.PersonExport.DecisionLine;
import be.parcours.privacy.PersonExport.DossierExport;
import be.parcours.privacy.PersonExport.FileLine;
import be.parcours.privacy.PersonExport.OtherDossier;
import be.parcours.privacy.PersonExport.VerdictLine;
import be.parcours.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The subject access export (GDPR art. 15): the person of a dossier and everything recorded about
 * them. Who: the supervisors (the service's data-protection role) and the dossier's referent; each
 * exported dossier is in the access log as {@code EXPORT}. The person's other dossiers are those of
 * the same identity as the duplicates check sees it (names, case and accents ignored, same birth
 * date); the ones the caller may not export are only listed, for a supervisor to complete.
 */
@Service
public class SubjectAccessExport {

  static final String PURPOSE = "demande d'accès (RGPD art. 15)";

  private record Head(long id, String reference, String procedure, String status, String referent, String searchKey,
      LocalDate birthDate) {}

  private final DossierReading reading;
  private final DossierFiles files;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  SubjectAccessExport(DossierReading reading, DossierFiles files, JdbcTemplate jdbc, Clock clock) {
    this.reading = reading;
    this.files = files;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Supervisors and the dossier's referent (the API and the page show the button to them only). */
  public static boolean mayExport(Viewer viewer, String referent) {
    return viewer.in(AccessPolicy.SUPERVISORS) || viewer.user().equals(referent);
  }

  /** Whether the viewer may export this dossier's person (404 when there is no such dossier). */
  @Transactional(readOnly = true)
  public boolean mayExport(long dossierId, Viewer viewer) {
    return mayExport(viewer, head(dossierId).referent());
  }

  @Transactional
  public PersonExport export(long dossierId, Viewer viewer) {
    Head asked = head(dossierId);
    if (!mayExport(viewer, asked.referent())) {
      throw new AccessDeniedException("the export is for supervisors and the dossier's referent");
    }
    List<DossierExport> dossiers = new ArrayList<>();
    DossierView first = reading.export(dossierId, viewer, PURPOSE);
    dossiers.add(full(first, viewer));
    List<OtherDossier> others = new ArrayList<>();
    for (Head h : sameIdentity(asked)) {
      if (mayExport(viewer, h.referent())) {
        dossiers.add(full(reading.export(h.id(), viewer, PURPOSE + ", avec " + asked.reference()), viewer));
      } else {
        others.add(new OtherDossier(h.id(), h.reference(), h.procedure(), h.status()));
      }
    }
    return new PersonExport(clock.instant(), viewer.user(), first.beneficiary(), dossiers, others);
  }

  private DossierExport full(DossierView d, Viewer viewer) {
    long id = d.id();
    List<VerdictLine> verdicts = jdbc.query("select evaluated_at, reference_date, regime, outcome, rules_version "
        + "from eligibility_verdict where dossier_id = ? order by evaluated_at, id", (rs, i) -> new VerdictLine(
            rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
            rs.getString(5)), id);
    List<DecisionLine> decisions = jdbc.query("select outcome, notified_on, notification_method, posted_on, "
        + "recorded_by, recorded_at from authority_decision where dossier_id = ? order by recorded_at, id",
        (rs, i) -> new DecisionLine(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getString(5), rs.getTimestamp(6).toInstant()), id);
    List<FileLine> fileLines = new ArrayList<>();
    for (Map.Entry<String, List<be.parcours.dossier.FileView>> e : files.byDocument(id, viewer).entrySet()) {
      for (var f : e.getValue()) {
        fileLines.add(new FileLine(e.getKey(), f.id(), f.name(), f.contentType(), f.size(), f.sha256(),
            f.uploadedAt(), f.uploadedBy()));
      }
    }
    return new DossierExport(d, verdicts, decisions, fileLines, reading.history(id, viewer),
        reading.accessLog(id, viewer));
  }

  private Head head(long dossierId) {
    return jdbc.query("select d.id, d.reference, d.procedure_code, d.status, d.assigned_to, b.search_key, b.birth_date "
        + "from dossier d join beneficiary b on b.id = d.beneficiary_id where d.id = ?", (rs, i) -> new Head(
            rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
            rs.getObject(7, LocalDate.class)), dossierId).stream().findFirst()
        .orElseThrow(() -> new NotFoundException("no dossier " + dossierId));
  }

  /** The person's other dossiers: same search key (names) and birth date, never an anonymised one. */
  private List<Head> sameIdentity(Head asked) {
    if (asked.searchKey() == null || asked.birthDate() == null) {
      return List.of();
    }
    return jdbc.query("select d.id, d.reference, d.procedure_code, d.status, d.assigned_to, b.search_key, "
        + "b.birth_date from dossier d join beneficiary b on b.id = d.beneficiary_id where b.search_key = ? "
        + "and b.birth_date = ? and d.id <> ? and d.anonymised_at is null order by d.opened_on, d.id",
        (rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
            rs.getString(6), rs.getObject(7, LocalDate.class)), asked.searchKey(), asked.birthDate(), asked.id());
  }
}
