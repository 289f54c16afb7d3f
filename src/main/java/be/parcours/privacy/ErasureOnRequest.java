package be.parcours.privacy;

import be.parcours.dossier.Viewer;
import be.parcours.shared.NotFoundException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The person's right to erasure (GDPR art. 17) for one closed dossier, before the retention period
 * ends: a supervisor, on the person's request, gives the reason and types the dossier's reference
 * to confirm; the dossier is then anonymised as the retention job does (in place, the activity
 * report unchanged) and the access log names the supervisor. An open dossier is never erased: its
 * procedure is closed first (a legal obligation to keep the file may then still apply — the page
 * says so).
 */
@Service
public class ErasureOnRequest {

  /** What a supervisor sees before confirming. */
  public record Subject(long dossierId, String reference, String procedure, String status, LocalDate closedOn,
      boolean anonymised) {
    public boolean erasable() {
      return "CLOSED".equals(status) && !anonymised;
    }
  }

  /** The request as the page sends it. */
  public record Request(String reason, String confirmation) {}

  /** Refused input, by field (messages keys of {@code i18n/privacy}); nothing was changed. */
  public static final class Refused extends RuntimeException {
    private final Map<String, String> errors;

    Refused(Map<String, String> errors) {
      super("erasure refused: " + errors.keySet(), null, false, false);
      this.errors = Map.copyOf(errors);
    }

    public Map<String, String> errors() {
      return errors;
    }
  }

  static final int MAX_REASON = 500;

  private final JdbcTemplate jdbc;
  private final Anonymiser anonymiser;

  ErasureOnRequest(JdbcTemplate jdbc, Anonymiser anonymiser) {
    this.jdbc = jdbc;
    this.anonymiser = anonymiser;
  }

  public static boolean mayErase(Viewer viewer) {
    return viewer.in("superviseurs");
  }

  /** Whether the dossier was already anonymised (the dossier page then offers no erasure). */
  public boolean anonymised(long dossierId) {
    return Boolean.TRUE.equals(jdbc.queryForObject("select anonymised_at is not null from dossier where id = ?",
        Boolean.class, dossierId));
  }

  public Subject subject(long dossierId, Viewer viewer) {
    if (!mayErase(viewer)) {
      throw new AccessDeniedException("erasure on request is for supervisors");
    }
    return jdbc.query("select id, reference, procedure_code, status, closed_on, anonymised_at from dossier where id = ?",
        (rs, i) -> new Subject(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
            rs.getObject(5, LocalDate.class), rs.getTimestamp(6) != null), dossierId)
        .stream().findFirst().orElseThrow(() -> new NotFoundException("no dossier " + dossierId));
  }

  /** Anonymises the dossier when the request is complete; otherwise {@link Refused} and nothing changes. */
  @Transactional
  public Subject erase(long dossierId, Request request, Viewer viewer) {
    Subject subject = subject(dossierId, viewer);
    Map<String, String> errors = new LinkedHashMap<>();
    if (subject.anonymised()) {
      errors.put("dossier", "privacy.erase.error.already");
    } else if (!"CLOSED".equals(subject.status())) {
      errors.put("dossier", "privacy.erase.error.open");
    }
    String reason = request.reason() == null ? "" : request.reason().strip();
    if (reason.isEmpty()) {
      errors.put("reason", "privacy.erase.error.reason");
    } else if (reason.length() > MAX_REASON) {
      errors.put("reason", "privacy.erase.error.reasonLength");
    }
    String typed = request.confirmation() == null ? "" : request.confirmation().strip();
    if (!typed.equalsIgnoreCase(subject.reference())) {
      errors.put("confirmation", "privacy.erase.error.confirmation");
    }
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    anonymiser.anonymise(dossierId, "effacement à la demande de la personne (RGPD, art. 17) : " + reason,
        viewer.user());
    return subject(dossierId, viewer);
  }
}
