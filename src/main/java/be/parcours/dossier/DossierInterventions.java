package be.parcours.dossier;

import be.parcours.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Interventions on a dossier (interviews, calls, appointments...): reception and full access may add them. */
@Service
public class DossierInterventions {

  private final DossierAccess access;
  private final DossierRepository dossiers;
  private final InterventionRepository interventions;
  private final AccessLog accessLog;
  private final Clock clock;

  DossierInterventions(DossierAccess access, DossierRepository dossiers, InterventionRepository interventions,
      AccessLog accessLog, Clock clock) {
    this.access = access;
    this.dossiers = dossiers;
    this.interventions = interventions;
    this.accessLog = accessLog;
    this.clock = clock;
  }

  @Transactional
  public InterventionView add(long dossierId, InterventionRequest request, Viewer viewer) {
    access.require(dossierId, viewer, AccessLevel.RECEPTION);
    Intervention saved = save(dossierId, request.type(), request.date(), request.minutes(), request.note(),
        viewer.user());
    return new InterventionView(saved.getId(), saved.getType(), saved.getHappenedOn(), saved.getMinutes(),
        saved.getNote(), saved.getCreatedBy());
  }

  /** In the caller's transaction, without an access check (the caller's: the API above, a Tasklist task, the demo). */
  @Transactional
  Intervention save(long dossierId, InterventionType type, LocalDate date, Integer minutes, String note, String user) {
    Dossier d = dossiers.findById(dossierId).orElseThrow(() -> new NotFoundException("no dossier " + dossierId));
    Instant now = clock.instant();
    Intervention saved = interventions.save(new Intervention(d.getId(), d.getBeneficiary().getId(), type, date,
        minutes, note, user, now));
    d.touch(now);
    accessLog.record(dossierId, user, AccessAction.CHANGE, "intervention " + type);
    return saved;
  }
}
