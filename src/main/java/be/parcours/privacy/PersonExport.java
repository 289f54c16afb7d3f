package be.parcours.privacy;

import be.parcours.dossier.AccessLogView;
import be.parcours.dossier.BeneficiaryView;
import be.parcours.dossier.ChangeView;
import be.parcours.dossier.DossierView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/dossiers/{id}/export}: everything Parcours holds about the person of a dossier
 * (GDPR art. 15 subject access), their other dossiers included when the caller may export them.
 */
@Schema(description = "Subject access export: the person, each of their dossiers in full, and its access log")
public record PersonExport(Instant exportedAt, String exportedBy,
    @Schema(description = "the person as recorded on the dossier asked for") BeneficiaryView person,
    @Schema(description = "the dossier asked for first, then the person's other dossiers (same names and birth date) "
        + "the caller may export") List<DossierExport> dossiers,
    @Schema(description = "other dossiers of the same identity the caller may not export (a supervisor can)")
    List<OtherDossier> otherDossiers) {

  /** One dossier in full, with what the dossier page does not show at once. */
  public record DossierExport(DossierView dossier, List<VerdictLine> verdicts, List<DecisionLine> decisions,
      List<FileLine> files, List<ChangeView> history, List<AccessLogView> accessLog) {}

  /** Every verdict computed for the dossier, with the rules version that produced it. */
  public record VerdictLine(Instant evaluatedAt, LocalDate referenceDate, String regime, String outcome,
      String rulesVersion) {}

  /** An authority's decision recorded on the dossier. */
  public record DecisionLine(String outcome, LocalDate notifiedOn, String notificationMethod, LocalDate postedOn,
      String recordedBy, Instant recordedAt) {}

  /** A scan's metadata (the bytes stay in the dossier: each file can be downloaded from it). */
  public record FileLine(String documentCode, long id, String name, String contentType, long size, String sha256,
      Instant uploadedAt, String uploadedBy) {}

  /** A dossier of the same identity that this caller may not export. */
  public record OtherDossier(long dossierId, String reference, String procedure, String status) {}
}
